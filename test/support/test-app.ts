import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventStore } from '@parcours/event-store';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { type AppConfig, loadConfig } from '../../apps/api/src/config/app-config.js';
import { createEventStore } from '../../apps/api/src/infrastructure/create-event-store.js';
import request from 'supertest';
import type { Role } from '../../apps/api/src/auth/principal.js';
import { startFakeEsdb, type FakeEsdb } from '../esdb-fake/index.js';
import { bearer, TEST_JWT_SECRET, type TokenOptions } from './auth.js';

export interface TestApp {
  readonly app: NestFastifyApplication;
  /** A second connection to the same store, to check what was (not) written. */
  readonly store: EventStore;
  readonly config: AppConfig;
  /** The fake EventStoreDB node behind an `esdb` app, when no real server was named. */
  readonly fake: FakeEsdb | undefined;
  /** A supertest agent sending a bearer token for this role on every request. */
  as(role: Role, options?: TokenOptions): Promise<ReturnType<typeof request.agent>>;
  close(): Promise<void>;
}

export type StoreKind = 'sqlite' | 'esdb';

/**
 * A real application on a real store in a temporary folder. For `esdb`: the real server named
 * by PARCOURS_ESDB_URL when set, else a fake EventStoreDB node started for this app.
 */
export async function startTestApp(kind: StoreKind = 'sqlite', env: Record<string, string> = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-e2e-'));
  let fake: FakeEsdb | undefined;
  const esdbEnv: Record<string, string> = {};
  if (kind === 'esdb') {
    const real = process.env['PARCOURS_ESDB_URL'];
    if (!real) fake = await startFakeEsdb();
    esdbEnv['PARCOURS_ESDB_URL'] = real ?? fake!.url;
  }
  const config = loadConfig({ PARCOURS_DB: join(dir, 'parcours.sqlite'), LOG_LEVEL: 'silent', PARCOURS_JWT_SECRET: TEST_JWT_SECRET, PARCOURS_STORE: kind, ...esdbEnv, ...env }, []);
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const store = await createEventStore(config);
  return {
    app,
    store,
    config,
    fake,
    async as(role, options = {}) {
      return request.agent(app.getHttpServer()).set('Authorization', await bearer(role, options));
    },
    async close() {
      await app.close();
      await store.close();
      await fake?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function countEvents(store: EventStore): Promise<number> {
  let n = 0;
  for await (const _ of store.readAll()) n += 1;
  return n;
}
