import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { createEventStore, StoreStartupError } from '../../apps/api/src/infrastructure/create-event-store.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { TEST_SECRETS_ENV } from '../support/auth.js';

describe('running on EventStoreDB (fake node over gRPC)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('esdb');
  });
  afterAll(async () => t?.close());

  it('reports the store down in /health while the server is unreachable, and up again after', async () => {
    if (!t.fake) return; // a real server was named: we do not stop it
    const http = t.http;
    await http.get('/health').expect(200);
    await t.fake.stop();
    const down = await http.get('/health').expect(503);
    expect(down.body).toMatchObject({ status: 'error', error: { eventStore: { status: 'down', kind: 'esdb' } } });
    await t.fake.start();
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await http.get('/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe(200);
  });

  it('refuses to start on an unreachable server, naming the variable', async () => {
    const config = loadConfig({ ...TEST_SECRETS_ENV, PARCOURS_STORE: 'esdb', PARCOURS_ESDB_URL: 'esdb://127.0.0.1:1?tls=false', LOG_LEVEL: 'silent' }, []);
    const error = await createEventStore(config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreStartupError);
    expect((error as Error).message).toMatch(/unreachable.*PARCOURS_ESDB_URL/);
  });

  it('refuses a connection string the client cannot parse', async () => {
    const config = loadConfig({ ...TEST_SECRETS_ENV, PARCOURS_STORE: 'esdb', PARCOURS_ESDB_URL: 'esdb://host:notaport?tls=maybe', LOG_LEVEL: 'silent' }, []);
    await expect(createEventStore(config)).rejects.toThrow(/PARCOURS_ESDB_URL/);
  });
});
