import { ConfigError, loadConfig } from './config/app-config.js';
import { createApp } from './bootstrap.js';
import { loadDemoData } from './demo/load-demo-data.js';

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
  console.log(`Parcours is serving http://${shown}:${config.port}  (API docs: http://${shown}:${config.port}/docs; store: ${config.store})`);
}

main().catch((error: unknown) => {
  console.error(`Parcours could not start: ${(error as Error).message}`);
  process.exit(1);
});
