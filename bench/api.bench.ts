/**
 * `npm run bench:api`: HTTP appends (POST /persons/:id/events) against the real API in a child
 * process (dist/, default durable store: WAL + synchronous = FULL), and in the same run the
 * baseline: a bare Fastify route inserting the same row with better-sqlite3, one transaction per
 * request (bench/support/baseline-http-server.ts). Both files start with the same persons and
 * histories (registration + --history lines each, bench/support/api-preload.ts); both get the same
 * next bodies (the seeded synthetic cohort, bench/support/api-workload.ts) from autocannon, 64
 * connections, 20 s each after the read models caught up and a warm-up of one request per person.
 * Then the ceilings (bench/support/ceiling-servers.ts): the same requests answered 201 with
 * nothing stored, by a bare Fastify route and by an empty NestJS controller with the API's
 * validation — what the HTTP shell alone allows on this machine (--no-ceilings to skip them).
 * A report, not a test: misses are printed, the exit code is 0. Method and figures:
 * docs/benchmarks.md, "HTTP appends (bench:api)".
 *
 * Options: --connections N (64) --duration S (20) --warmup S (3) --persons N (2000) --history N (40)
 *          --events-per-person N (150) --seed S (1) --rounds N (1; sides alternate who goes first)
 *          --dir PATH (os tmpdir) --cpu-prof DIR (profile the API process) --only parcours|baseline|fastify|nest
 *          --no-ceilings
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import { preloadHistories } from './support/api-preload.js';
import { apiWorkload, type ApiWorkload, PersonQueue } from './support/api-workload.js';
import { appendLoad, getJsonAs, type LoadResult } from './support/http-load.js';
import { machineInfo } from './support/machine.js';
import { ROOT, startParcours } from './support/parcours-server.js';
import { cpuSeconds, ServerProcess } from './support/server-process.js';

const TARGET = { eventsPerSecond: 5000, p99Ms: 25 } as const;

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '64' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    persons: { type: 'string', default: '2000' },
    'events-per-person': { type: 'string', default: '150' },
    history: { type: 'string', default: '40' },
    seed: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '1' },
    dir: { type: 'string', default: tmpdir() },
    'cpu-prof': { type: 'string' },
    only: { type: 'string' },
    'no-ceilings': { type: 'boolean', default: false },
  },
});
const opts = {
  connections: Number(values.connections),
  seconds: Number(values.duration),
  warmup: Number(values.warmup),
  persons: Number(values.persons),
  eventsPerPerson: Number(values['events-per-person']),
  history: Number(values.history),
  rounds: Number(values.rounds),
};

type Side = 'parcours' | 'baseline' | 'fastify' | 'nest';
const CEILINGS = ['fastify', 'nest'] as const;

interface SideResult {
  readonly side: Side;
  readonly load: LoadResult;
  /** CPU seconds the server and this process (the client) used during the measured run. */
  readonly serverCpu: number;
  readonly clientCpu: number;
  readonly projections?: unknown;
}

async function runSide(side: Side, workload: ApiWorkload, dir: string, round: number): Promise<SideResult> {
  const ceiling = side === 'fastify' || side === 'nest';
  // The ceilings store nothing and answer several times faster: each person's lines are sent three times over.
  const repeat = ceiling ? 3 : 1;
  const queue = new PersonQueue(workload.persons.map((p) => ({ ...p, bodies: Array.from({ length: repeat }, () => p.bodies.slice(opts.history)).flat() })));
  const db = join(dir, `${side}-${round}.sqlite`);
  const organisationId = uuidv7();
  // The API's key store (its default place, beside the file) and key-encryption key, made for this run.
  const keys = { keyDbPath: join(dir, `${side}-${round}-keys.sqlite`), keyEncryptionKey: randomBytes(32).toString('base64') };
  const spec = { seed: String(values.seed), persons: opts.persons, eventsPerPerson: opts.eventsPerPerson, history: opts.history };
  if (!ceiling) await preloadHistories(db, spec, organisationId, side === 'parcours' ? keys : undefined);
  let server: ServerProcess;
  let headers: Record<string, string> = {};
  let admin = '';
  if (ceiling) {
    server = await ServerProcess.start(join(ROOT, 'dist/bench/support/ceiling-servers.js'), { CEILING: side }, /listening/);
  } else if (side === 'baseline') {
    server = await ServerProcess.start(join(ROOT, 'dist/bench/support/baseline-http-server.js'), { BASELINE_DB: db }, /listening/);
  } else {
    const profile = values['cpu-prof'];
    if (profile) mkdirSync(profile, { recursive: true });
    const started = await startParcours(
      db,
      { PARCOURS_KEY_DB: keys.keyDbPath, PARCOURS_KEY_ENCRYPTION_KEY: keys.keyEncryptionKey, ...(profile ? { PARCOURS_BENCH_PROFILE_DIR: profile } : {}) },
      profile ? ['--import', join(ROOT, 'dist/bench/support/profile-on-signal.js')] : [],
      organisationId,
    );
    server = started.server;
    headers = { authorization: started.caseworker };
    admin = started.admin;
  }
  try {
    // The read models first catch up with the preloaded log: that start-up cost is not the steady state measured.
    if (admin) await untilProjectionsLive(server.base, admin);
    // Warm-up: one request per person at least (each person's decision state is then cached, as in a running server), and --warmup seconds.
    await appendLoad(server.base, queue, { connections: opts.connections, requests: opts.persons, headers });
    if (opts.warmup > 0) await appendLoad(server.base, queue, { connections: opts.connections, seconds: opts.warmup, headers });
    if (values['cpu-prof'] && side === 'parcours') server.child.kill('SIGWINCH'); // starts the profiler
    const before = { server: cpuSeconds(server.pid) ?? NaN, client: cpuSeconds('self') ?? NaN };
    const load = await appendLoad(server.base, queue, { connections: opts.connections, seconds: opts.seconds, headers });
    const serverCpu = (cpuSeconds(server.pid) ?? NaN) - before.server;
    const clientCpu = (cpuSeconds('self') ?? NaN) - before.client;
    const projections = admin ? await getJsonAs(`${server.base}/admin/projections`, admin).catch((e: Error) => e.message) : undefined;
    return { side, load, serverCpu, clientCpu, ...(projections ? { projections } : {}) };
  } finally {
    if (side === 'parcours' && values['cpu-prof']) {
      const exited = new Promise((r) => server.child.once('exit', r));
      server.child.kill('SIGWINCH'); // writes the profile and exits
      await Promise.race([exited, new Promise((r) => setTimeout(r, 60_000))]);
      await server.kill();
    } else {
      await server.stop();
    }
  }
}

async function untilProjectionsLive(base: string, admin: string): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    const { projections } = await getJsonAs<{ projections: { state: string; checkpoint: string; headPosition: string | null }[] }>(`${base}/admin/projections`, admin);
    if (projections.every((p) => p.state === 'live' && p.checkpoint === p.headPosition)) return;
    if (Date.now() > deadline) throw new Error(`projections not live after 300 s: ${JSON.stringify(projections)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function line(r: SideResult): string {
  const l = r.load;
  const others = Object.entries(l.statuses).filter(([s]) => s !== '201');
  return `${r.side.padEnd(9)} ${Math.round(l.perSecond).toLocaleString('en').padStart(7)} events/s  p50 ${l.latency.p50.toFixed(2)} ms  p90 ${l.latency.p90.toFixed(2)} ms  p99 ${l.latency.p99.toFixed(2)} ms  max ${l.latency.max.toFixed(1)} ms  (${l.created} × 201${others.length ? `, ${others.map(([s, n]) => `${n} × ${s}`).join(', ')}` : ''}${l.errors ? `, ${l.errors} errors` : ''}${l.timeouts ? `, ${l.timeouts} timeouts` : ''}); server CPU ${((1e6 * r.serverCpu) / Math.max(1, l.created)).toFixed(0)} µs/event (${((100 * r.serverCpu) / l.seconds).toFixed(0)} % of a core), client ${((100 * r.clientCpu) / l.seconds).toFixed(0)} %`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(values.dir, 'parcours-bench-api-'));
  const info = machineInfo(dir);
  console.log(`bench:api — ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB; Node ${info.node}; SQLite ${info.sqlite}; ${info.fileSystem}`);
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const t = performance.now();
  const workload = apiWorkload(String(values.seed), opts.persons, opts.eventsPerPerson);
  console.log(`workload: ${opts.persons} persons, ${workload.events} event bodies (mean ${Math.round(workload.meanBodyBytes)} bytes), generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  console.log(`each person's registration and first ${opts.history} lines written beforehand (a caseload with histories), the HTTP load goes on from there`);
  console.log(`${opts.connections} connections; warm-up: ${opts.persons} requests (one per person) and ${opts.warmup} s; then ${opts.seconds} s measured, per side and round\n`);
  const results: SideResult[] = [];
  try {
    for (let round = 0; round < opts.rounds; round++) {
      const order: Side[] = round % 2 ? ['parcours', 'baseline'] : ['baseline', 'parcours'];
      if (!values['no-ceilings'] || values.only) order.push(...CEILINGS);
      for (const side of order.filter((s) => !values.only || s === values.only)) {
        const result = await runSide(side, workload, dir, round);
        results.push(result);
        console.log(`round ${round + 1}: ${line(result)}`);
        for (const sample of result.load.samples) console.log(`   non-201: ${sample}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const best = (side: string) => results.filter((r) => r.side === side).sort((a, b) => b.load.perSecond - a.load.perSecond)[0];
  const ours = best('parcours');
  const base = best('baseline');
  console.log('\nbest round per side:');
  for (const r of [base, ours, ...CEILINGS.map(best)]) if (r) console.log(`  ${line(r)}`);
  if (ours && base) console.log(`  parcours ÷ baseline: ${((100 * ours.load.perSecond) / base.load.perSecond).toFixed(1)} % of the events/s; p99 ${ours.load.latency.p99.toFixed(2)} vs ${base.load.latency.p99.toFixed(2)} ms`);
  if (ours) {
    const pass = ours.load.perSecond >= TARGET.eventsPerSecond && ours.load.latency.p99 <= TARGET.p99Ms;
    console.log(`  target: ≥ ${TARGET.eventsPerSecond.toLocaleString('en')} events/s with p99 ≤ ${TARGET.p99Ms} ms: ${pass ? 'PASS' : 'MISS'}`);
    console.log(`  projections after the run: ${JSON.stringify(ours.projections)}`);
  }
  for (const ceiling of CEILINGS.map(best)) {
    if (!ceiling) continue;
    const bound = ceiling.load.perSecond;
    console.log(`  ceiling ${ceiling.side}: ${Math.round(bound).toLocaleString('en')} requests/s with nothing stored — the target is ${((100 * TARGET.eventsPerSecond) / bound).toFixed(0)} % of it${ours ? `, Parcours ${((100 * ours.load.perSecond) / bound).toFixed(0)} %` : ''}`);
  }
  console.log(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}

await main();
