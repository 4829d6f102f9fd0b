import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { AppModule } from '../../api/src/app.module.js';
import { type AppConfig, ConfigError, loadConfig } from '../../api/src/config/app-config.js';

/**
 * The CLI runs the same application layer as the API (command and query handlers, the same
 * store and configuration), in a Nest application context without HTTP.
 */
export async function withContext<T>(work: (app: INestApplicationContext, config: AppConfig) => Promise<T>): Promise<T> {
  const config = cliConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'], abortOnError: false });
  try {
    await app.init();
    return await work(app, config);
  } finally {
    await app.close();
  }
}

export function cliConfig(): AppConfig {
  try {
    // The CLI serves no HTTP and checks no token: a server secret is only needed by `token`.
    const env = { ...process.env };
    if (!env['PARCOURS_JWT_SECRET'] && !env['PARCOURS_JWKS_URL']) env['PARCOURS_JWT_SECRET'] = randomBytes(48).toString('base64');
    // Batch commands go person by person: a small decision cache does (imports stay within bounded memory).
    env['PARCOURS_DECISION_CACHE_EVENTS'] ??= '10000';
    return { ...loadConfig(env, usesDemoKey(env) ? ['--demo'] : []), logLevel: (process.env['LOG_LEVEL'] as AppConfig['logLevel']) ?? 'warn' };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/**
 * On the data `npm start` made (demo mode, no PARCOURS_KEY_ENCRYPTION_KEY), the data keys are
 * wrapped by the demo key file beside the key store: use it, so the CLI reads what the demo wrote.
 */
function usesDemoKey(env: NodeJS.ProcessEnv): boolean {
  if (env['PARCOURS_KEY_ENCRYPTION_KEY']) return false;
  return existsSync(`${loadConfig(env, ['--demo']).keyDbPath}.demo-key`);
}
