import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { mintToken } from '../../apps/api/src/auth/tokens.js';
import { ServerProcess } from './server-process.js';

/** The repository root, from this file in bench/support/ or dist/bench/support/. */
export const ROOT = (() => {
  const here = dirname(fileURLToPath(import.meta.url));
  return resolve(here, here.includes(`${join('dist', 'bench')}`) ? '../../..' : '../..');
})();
export const API_MAIN = join(ROOT, 'dist/apps/api/src/main.js');

export interface ParcoursServer {
  readonly server: ServerProcess;
  /** `Authorization` headers: a caseworker of `organisationId` (who registers and appends) and an admin. */
  readonly caseworker: string;
  readonly admin: string;
  readonly organisationId: string;
  readonly env: Record<string, string>;
}

/**
 * The real API from dist/ (`node dist/apps/api/src/main.js`) in a child process, as in production
 * but for the settings a bench needs: its own SQLite file, a secret made for this run (tokens are
 * minted with it here), warnings-only logs and the rate limiter off (PARCOURS_RATE_LIMIT=0).
 * The store keeps its default durable mode (synchronous = FULL) unless `env` says otherwise.
 */
export async function startParcours(dbPath: string, env: Record<string, string> = {}, nodeArgs: string[] = [], organisationId: string = uuidv7()): Promise<ParcoursServer> {
  const secret = randomBytes(48).toString('base64');
  const fullEnv = {
    PARCOURS_DB: dbPath,
    PARCOURS_JWT_SECRET: secret,
    // Identity blocks are encrypted at rest: a key made for this run.
    PARCOURS_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    PARCOURS_RATE_LIMIT: '0',
    HOST: '127.0.0.1',
    ...env,
  };
  const server = await ServerProcess.start(API_MAIN, fullEnv, /Parcours is serving/, { nodeArgs });
  const started = { server, ...(await tokensFor(secret, organisationId)), env: fullEnv };
  await registerCareOrganisation(started);
  return started;
}

/**
 * The caseworker's organisation, registered as an addiction service: a care-side organisation
 * sees (and may correct) the clinical events of the persons it registered, as the workload does.
 */
async function registerCareOrganisation(p: ParcoursServer): Promise<void> {
  const response = await fetch(`${p.server.base}/admin/organisations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: p.admin },
    body: JSON.stringify({ id: p.organisationId, name: 'CSAPA (bench)', type: 'addiction_service', country: 'BE' }),
  });
  if (response.status !== 201) throw new Error(`registering the bench organisation: ${response.status} ${await response.text()}`);
}

/** Restarts on the same file with the same secret: the tokens stay valid. */
export async function restartParcours(previous: ParcoursServer, nodeArgs: string[] = []): Promise<ParcoursServer> {
  const server = await ServerProcess.start(API_MAIN, previous.env, /Parcours is serving/, { nodeArgs });
  return { ...previous, server };
}

async function tokensFor(secret: string, organisationId: string) {
  const settings = { secret, issuer: 'parcours', audience: 'parcours-api' };
  const ttlSeconds = 6 * 3600;
  return {
    organisationId,
    caseworker: `Bearer ${await mintToken({ role: 'caseworker', sub: 'bench.caseworker', organisationId, ttlSeconds }, settings)}`,
    admin: `Bearer ${await mintToken({ role: 'admin', sub: 'bench.admin', ttlSeconds }, settings)}`,
  };
}
