import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { apiWorkload } from '../../bench/support/api-workload.js';
import { getJsonAs, postAll } from '../../bench/support/http-load.js';
import { type ParcoursServer, restartParcours, ROOT, startParcours } from '../../bench/support/parcours-server.js';
import { checkAfterCrash } from './crash-check.js';
import { CrashLoad } from './crash-load.js';

/**
 * The real API (dist/, default durable store) under append load, killed with SIGKILL at random
 * moments and restarted, CRASH_CYCLES times (5 here in `npm test`, 20 in `npm run test:crash`).
 * After every kill, on the file itself: each acknowledged event is stored exactly once where its
 * answer said; a request left unanswered is stored whole or not at all (a batch is never cut);
 * revisions have no gap. At the end the read models, fed across all the crashes, equal a rebuild.
 */
const CYCLES = Number(process.env['CRASH_CYCLES'] ?? 5);
const SEED = Number(process.env['CRASH_SEED'] ?? Date.now() % 1_000_000);
const CLIENTS = 16;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function untilLive(p: ParcoursServer): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { projections } = await getJsonAs<{ projections: { state: string; checkpoint: string; headPosition: string | null }[] }>(`${p.server.base}/admin/projections`, p.admin);
    if (projections.every((s) => s.state === 'live' && s.checkpoint === s.headPosition)) return;
    if (Date.now() > deadline) throw new Error(`projections not live: ${JSON.stringify(projections)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The view is rendered "as of now" (observation up to the time of the request): that instant differs between two requests. */
function withoutNow(value: unknown, askedFrom: Date): unknown {
  if (typeof value === 'string') return /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(value) && new Date(value) >= askedFrom ? '<now>' : value;
  if (Array.isArray(value)) return value.map((v) => withoutNow(v, askedFrom));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNow(v, askedFrom)]));
  return value;
}

describe(`the API killed with SIGKILL under append load (${CYCLES} cycles, seed ${SEED})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-crash-'));
  const db = join(dir, 'parcours.sqlite');
  let p: ParcoursServer | undefined;
  afterAll(async () => {
    await p?.server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses no acknowledged event, tears no batch, and its read models end equal to a rebuild', async () => {
    const random = mulberry32(SEED);
    const workload = apiWorkload(`crash-${SEED}`, 20 + 4 * CYCLES, 200);
    p = await startParcours(db);
    await postAll(`${p.server.base}/persons`, workload.registrations, { authorization: p.caseworker }, 8);
    const load = new CrashLoad(workload.persons);
    let unansweredButStored = 0;
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      if (cycle > 0) {
        p = await restartParcours(p);
        await load.resend(p.server.base, p.caseworker); // the requests cut off by the last kill, retried
      }
      const running = load.run(p.server.base, p.caseworker, CLIENTS);
      await new Promise((r) => setTimeout(r, 150 + random() * 1200));
      await p.server.kill();
      await running;
      const findings = await checkAfterCrash(db, load.acknowledged, load.unknown);
      expect({ cycle, lost: findings.lost, torn: findings.torn, gaps: findings.gaps }).toEqual({ cycle, lost: [], torn: [], gaps: [] });
      unansweredButStored += findings.unansweredButStored;
    }
    expect(load.unexpected).toEqual([]);
    const acknowledged = load.acknowledged.reduce((n, a) => n + a.eventIds.length, 0);
    expect(acknowledged).toBeGreaterThan(0);

    // The read models were fed through every crash: they must equal a rebuild from the log.
    p = await restartParcours(p);
    await load.resend(p.server.base, p.caseworker);
    await untilLive(p);
    const sample = workload.persons.slice(0, 6).map((person) => person.personId);
    const view = (id: string) => getJsonAs<unknown>(`${p!.server.base}/persons/${id}/parcours`, p!.caseworker);
    const askedFrom = new Date();
    const live = (await Promise.all(sample.map(view))).map((v) => withoutNow(v, askedFrom));
    await p.server.stop();
    await promisify(execFile)(process.execPath, [join(ROOT, 'dist/apps/cli/src/main.js'), 'rebuild'], { cwd: ROOT, env: { ...process.env, ...p.env } });
    p = await restartParcours(p);
    await untilLive(p);
    expect((await Promise.all(sample.map(view))).map((v) => withoutNow(v, askedFrom))).toEqual(live);
    await p.server.stop();
    console.log(`crash test: ${CYCLES} SIGKILLs (seed ${SEED}), ${acknowledged} acknowledged events all stored once, ${unansweredButStored} unanswered requests found stored whole, none torn`);
  }, 60_000 + CYCLES * 20_000);
});
