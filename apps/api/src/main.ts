import { ConfigError, loadConfig } from './config/app-config.js';
import { createApp } from './bootstrap.js';
import { loadDemoData } from './demo/load-demo-data.js';
import { demoTokens } from './demo/demo-tokens.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.init();
  if (config.demo) await loadDemoData(app);
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  if (config.demo) {
    console.log('Demo tokens (Authorization: Bearer <token>; valid 8 hours, for this process only when no PARCOURS_JWT_SECRET is set):');
    for (const { label, token } of await demoTokens(config)) console.log(`  ${label.padEnd(32)} ${token}`);
    console.log(`Chris's timeline: http://localhost:${config.port}/ui/persons/018f0000-0000-7000-8000-00000000c415#token=<a caseworker or researcher token>`);
  }
  console.log(`Parcours is serving http://${shown}:${config.port}  (API docs: http://${shown}:${config.port}/docs; store: ${config.store})`);
}

main().catch((error: unknown) => {
  console.error(`Parcours could not start: ${(error as Error).message}`);
  process.exit(1);
});
