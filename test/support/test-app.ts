import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventStore } from '@parcours/event-store';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { loadOrganisations } from '../../apps/api/src/demo/load-demo-data.js';
import { type AppConfig, loadConfig } from '../../apps/api/src/config/app-config.js';
import { createEventStore } from '../../apps/api/src/infrastructure/create-event-store.js';
import request from 'supertest';
import type { Role } from '../../apps/api/src/auth/principal.js';
import { startFakeEsdb, type FakeEsdb } from '../esdb-fake/index.js';
import { bearer, TEST_JWT_SECRET, TEST_KEY_ENCRYPTION_KEY, type TokenOptions } from './auth.js';

export interface TestApp {
  readonly app: NestFastifyApplication;
  /** A second connection to the same store, to check what was (not) written. */
  readonly store: EventStore;
  readonly config: AppConfig;
  /** The fake EventStoreDB node behind an `esdb` app, when no real server was named. */
  readonly fake: FakeEsdb | undefined;
  /**
   * For tests that are not about access control: each request carries a token of the role
   * that ordinarily calls its route (admin for /admin, researcher for exports, evaluator for
   * cohort aggregates, a care-side caseworker for persons). Access rules have their own tests.
   */
  readonly http: UsualCaller;
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
  const config = loadConfig({ PARCOURS_DB: join(dir, 'parcours.sqlite'), LOG_LEVEL: 'silent', PARCOURS_JWT_SECRET: TEST_JWT_SECRET, PARCOURS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY, PARCOURS_STORE: kind, ...esdbEnv, ...env }, []);
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  // The organisations of the test tokens (a care service, an insertion workshop): access rules read their kind.
  await loadOrganisations(app);
  const store = await createEventStore(config);
  const http = await usualCaller(app);
  return {
    http,
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

type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';
export type UsualCaller = Record<Method, (path: string) => request.Test>;

export function usualRole(path: string): Role {
  if (path.startsWith('/admin')) return 'admin';
  if (/^\/cohorts\/[^/]+\/exports\//.test(path)) return 'researcher';
  if (path.startsWith('/cohorts')) return 'evaluator';
  return 'caseworker';
}

export async function usualCaller(app: NestFastifyApplication): Promise<UsualCaller> {
  const tokens = new Map<Role, string>();
  for (const role of ['admin', 'researcher', 'evaluator', 'caseworker'] as const) tokens.set(role, await bearer(role));
  const call = (method: Method) => (path: string) => request(app.getHttpServer())[method](path).set('Authorization', tokens.get(usualRole(path))!);
  return { get: call('get'), post: call('post'), put: call('put'), delete: call('delete'), patch: call('patch') };
}

export async function countEvents(store: EventStore): Promise<number> {
  let n = 0;
  for await (const _ of store.readAll()) n += 1;
  return n;
}
