/**
 * `npm run bench:replay`: replaying a log of about a million events into every read model, and
 * the queries the read models serve with that log stored.
 *
 *   1. load   — a seeded synthetic cohort (20,000 persons of ~50 events) into a fresh SQLite event
 *               file, straight through SqliteEventStore.append (not measured; cached with --reuse)
 *   2. rebuild — every registered projection, `runner.rebuild(name)` in a Nest application context
 *               as the CLI does, in a child process: events/s overall and per projection, peak RSS
 *   3. baseline — the same events scanned with bare better-sqlite3 and JSON.parse, same run
 *               (once before and once after the rebuild, each in a child process; the faster counts)
 *   4. queries — the real API (createApp + listen) in a child process on that file: GET
 *               /persons/:id/parcours for random persons, and the cohort views when the app has them;
 *               then the same requests against a bare Fastify server answering a stored answer (a bound)
 *
 * A report, not a test: misses are printed, the exit code is 0. Figures and method:
 * docs/benchmarks.md, "Replay and queries (bench:replay)".
 *
 * Options: --persons N (20000) --events-per-person N (50) --interleave N (1: persons one after the
 *          other; N: N persons' events round-robin) --seed S (1) --reuse DIR (cache the loaded file there) --dir PATH (os tmpdir) --queries N (2000) --warmup N (2000) --cohort-calls N (20)
 *          --skip-queries --cpu-prof DIR (profile the rebuild and API processes) --keep (leave the files)
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import {
  cohortRoutes,
  type CohortTiming,
  defineArticle23Cohort,
  defineProgrammes,
  type Latencies,
  type ParcoursTiming,
  timeCohortView,
  waitUntilLive,
} from './support/http-queries.js';
import { authorisationFor } from './support/bench-auth.js';
import { ceilingPhase } from './support/get-ceiling.js';
import { machineInfo } from './support/machine.js';
import { type ClientSpec, clientPhase, timeInClient } from './support/timing-client.js';
import type { ServerTimingReport } from './support/server-timing.js';
import { mib, procStatusBytes, RssSampler, type RssSamples } from './support/memory.js';
import { rawScan, type ScanResult } from './support/raw-scan.js';
import { type CohortSpec, describeEventFile, type LoadReport, prepareEventFile } from './support/replay-load.js';
import { PhaseProcess, type RebuildPhaseResult, rebuildPhase, type ServeStopped, servePhase } from './support/replay-phases.js';

const TARGETS = {
  rebuildEventsPerSecond: 100_000,
  rebuildVsBaseline: 0.5,
  peakRssBytes: 512 * 2 ** 20,
  parcoursP99Ms: 5,
  cohortWarmMs: 200,
} as const;

class UsageError extends Error {}

interface Options {
  readonly persons: number;
  readonly eventsPerPerson: number;
  readonly interleave: number;
  readonly seed: string;
  readonly reuse: string | undefined;
  readonly dir: string;
  readonly queries: number;
  readonly warmup: number;
  readonly cohortCalls: number;
  readonly skipQueries: boolean;
  readonly cpuProf: string | undefined;
  readonly keep: boolean;
  readonly phase: 'rebuild' | 'serve' | 'scan' | 'ceiling' | 'client' | undefined;
  readonly file: string | undefined;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '20000' },
      'events-per-person': { type: 'string', default: '50' },
      interleave: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      reuse: { type: 'string' },
      dir: { type: 'string', default: tmpdir() },
      queries: { type: 'string', default: '2000' },
      // 2,000: in the first 2,000 requests after the API starts, V8 is still optimising the request
      // path on its background threads (1.5 s of their CPU against 0.6 s in the next 2,000, on a
      // machine of 2 cores) and the p99 shows it; those requests are timed and shown beside.
      warmup: { type: 'string', default: '2000' },
      'cohort-calls': { type: 'string', default: '20' },
      'skip-queries': { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      keep: { type: 'boolean', default: false },
      phase: { type: 'string' },
      file: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      'node --expose-gc dist/bench/replay.bench.js [--persons N] [--events-per-person N] [--interleave N] [--seed S] [--reuse DIR]\n' +
        '    [--dir PATH] [--queries N] [--warmup N] [--cohort-calls N] [--skip-queries] [--cpu-prof DIR] [--keep]',
    );
    process.exit(0);
  }
  const int = (name: string, raw: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got ${raw}`);
    return n;
  };
  const phase = values.phase as Options['phase'] | string;
  if (phase !== undefined && !isPhase(phase)) {
    throw new UsageError(`--phase is internal: rebuild, serve, scan, ceiling or client, got ${phase}`);
  }
  if (phase && !values.file) throw new UsageError('--phase needs --file');
  return {
    persons: int('persons', values.persons, 1),
    eventsPerPerson: int('events-per-person', values['events-per-person'], 5, 1000),
    interleave: int('interleave', values.interleave, 1, 1_000_000),
    seed: values.seed,
    reuse: values.reuse === undefined ? undefined : resolve(values.reuse),
    dir: values.dir,
    queries: int('queries', values.queries, 1),
    warmup: int('warmup', values.warmup, 0),
    cohortCalls: int('cohort-calls', values['cohort-calls'], 1),
    skipQueries: values['skip-queries'],
    cpuProf: values['cpu-prof'] === undefined ? undefined : resolve(values['cpu-prof']),
    keep: values.keep,
    phase,
    file: values.file,
  };
}

const PHASES = ['rebuild', 'serve', 'scan', 'ceiling', 'client'] as const;
const isPhase = (value: string): value is NonNullable<Options['phase']> => (PHASES as readonly string[]).includes(value);

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const now = () => performance.now();
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
const secs = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const msec = (ms: number) => `${ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0)} ms`;
const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(' / ');

/** mulberry32: the persons queried are the same from run to run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` persons drawn without replacement while there are enough, then with. */
function draw(ids: readonly string[], count: number, rand: () => number): string[] {
  const pool = [...ids];
  const out: string[] = [];
  while (out.length < count && pool.length) {
    const i = Math.floor(rand() * pool.length);
    out.push(pool[i]!);
    pool[i] = pool[pool.length - 1]!;
    pool.pop();
  }
  while (out.length < count && ids.length) out.push(ids[Math.floor(rand() * ids.length)]!);
  return out;
}

/**
 * The baseline scan in a child process of its own, like the rebuild: a million parsed events
 * left in this process, which is also the HTTP client, had its collector sweeping on the second
 * core while the parcours requests were timed (p99 3.6–5.9 ms without the scans, 8.8–13.9 ms after).
 */
function scanInChild(script: string, file: string): Promise<ScanResult> {
  const child = fork(script, ['--phase', 'scan', '--file', file], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { type?: string; result?: ScanResult; message?: string }) =>
      message.type === 'scanned' ? resolve(message.result!) : reject(new Error(`the scan failed: ${message.message}`)),
    );
    child.once('exit', (code) => reject(new Error(`the scan process exited with code ${code} before reporting`)));
  });
}

/** --cpu-prof DIR: each child writes its profile under DIR/<phase>/ when it exits. */
function profiling(opts: Options, phase: 'rebuild' | 'api'): string[] {
  return opts.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', join(opts.cpuProf, phase)] : [];
}

interface ReadModelStats {
  readonly tables: { name: string; rows: number }[];
  /** Bytes of JSON per person: the folded inputs (segments) and the stored summary. */
  readonly parcours: { inputBytes: number; summaryBytes: number } | undefined;
}

function readModelStats(file: string): ReadModelStats {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const registered = (db.prepare('SELECT name, active_version AS version FROM projection_registry').all() as { name: string; version: number }[]).map(
      (r) => `${r.name}_v${r.version}_`,
    );
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[])
      .map((r) => r.name)
      .filter((n) => registered.some((prefix) => n.startsWith(prefix)));
    const tables = names.map((name) => ({ name, rows: (db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n }));
    let parcours: ReadModelStats['parcours'];
    const segments = names.find((n) => /^parcours_v\d+_segments$/.test(n));
    const summaries = names.find((n) => /^parcours_v\d+_summaries$/.test(n));
    if (segments && summaries) {
      const persons = (db.prepare(`SELECT count(*) AS n FROM "${summaries}"`).get() as { n: number }).n || 1;
      parcours = {
        inputBytes: (db.prepare(`SELECT total(length(inputs)) AS n FROM "${segments}"`).get() as { n: number }).n / persons,
        summaryBytes: (db.prepare(`SELECT avg(length(summary)) AS n FROM "${summaries}"`).get() as { n: number }).n,
      };
    }
    return { tables, parcours };
  } finally {
    db.close();
  }
}

interface QueryResults {
  readonly startMs: number;
  readonly liveMs: number;
  /** Timed with Node's http client (judged), then other persons with `fetch` (shown beside). */
  readonly parcours: ParcoursTiming;
  readonly parcoursFetch: ParcoursTiming;
  /** The same client against a bare Fastify server answering a stored answer (bench/support/get-ceiling.ts). */
  readonly ceiling: ParcoursTiming;
  readonly cohortNote: string;
  readonly cohorts: CohortTiming[];
  readonly server: ServeStopped;
  readonly serverPeak: RssSamples;
}

const ceilingAnswerFile = (file: string) => join(dirname(file), 'ceiling-answer.json');
/** The ceiling measured right after the API stopped gave p99 6.5 ms, against 4–6 ms beside the idle API and 2–3 ms alone. */
const CEILING_SETTLE_MS = 3_000;

/** The judged pass's requests against the ceiling server (bench/support/get-ceiling.ts). */
async function timeCeiling(
  script: string,
  bodyFile: string,
  spec: (base: string) => ClientSpec,
  startClient: (specFile: string) => PhaseProcess,
  specFile: string,
): Promise<ParcoursTiming> {
  const ceiling = new PhaseProcess(script, 'ceiling', bodyFile, []);
  try {
    const { port } = await ceiling.next<{ type: 'listening'; port: number }>('listening');
    return await timeInClient(startClient, specFile, spec(`http://127.0.0.1:${port}`));
  } finally {
    ceiling.send({ type: 'stop' });
    await ceiling.exited;
  }
}

async function runQueries(script: string, file: string, personIds: readonly string[], opts: Options): Promise<QueryResults> {
  const started = now();
  const specFile = join(dirname(file), 'client-spec.json');
  const startClient = (spec: string) => new PhaseProcess(script, 'client', spec, []);
  const server = new PhaseProcess(script, 'serve', file, ['--expose-gc', ...profiling(opts, 'api')]);
  const serverRss = new RssSampler(() => (server.child.pid ? procStatusBytes('VmRSS', server.child.pid) : undefined)).start();
  try {
    const { port } = await server.next<{ type: 'listening'; port: number }>('listening');
    const startMs = now() - started;
    const base = `http://127.0.0.1:${port}`;
    const live = await waitUntilLive(base, 600_000);
    console.log(`api          listening on ${base} after ${secs(startMs)}; projections live ${secs(live.ms)} later`);

    const routes = await cohortRoutes(base);
    await defineProgrammes(base);
    let cohortId: string | undefined;
    let cohortNote: string;
    const timable = [routes.outcomes, routes.costs].filter((p): p is string => p !== undefined && routes.requiredQuery[p]!.length === 0);
    if (timable.length) {
      cohortId = await defineArticle23Cohort(base);
      cohortNote = `cohort ${cohortId} (Article 23, programme_entry)`;
    } else if (routes.outcomes || routes.costs) {
      cohortNote = `cohort views need query parameters the bench cannot choose: ${JSON.stringify(routes.requiredQuery)}`;
    } else {
      cohortNote = 'GET /cohorts/{id}/outcomes and /cohorts/{id}/costs are not in the app\'s OpenAPI document: not timed';
    }
    // The programmes and the cohort are appended events: let the projections apply them first.
    await waitUntilLive(base, 60_000);

    const rand = prng(20_261_122);
    // Distinct persons for each pass: a person read once is in the server's caches.
    const chosen = draw(personIds, opts.warmup + 2 * opts.queries, rand);
    const timing = async (type: 'timing-start' | 'timing-stop') => {
      server.send({ type });
      await server.next(`${type}-done`);
    };
    const clientSpec = (base: string, client: ClientSpec['client'], warmup: readonly string[], ids: readonly string[]): ClientSpec => ({ base, client, warmup, ids });
    const judged = chosen.slice(opts.warmup, opts.warmup + opts.queries);
    const parcours = await timeInClient(startClient, specFile, clientSpec(base, 'http', chosen.slice(0, opts.warmup), judged), () => timing('timing-start'));
    await timing('timing-stop');
    console.log(`parcours     ${int(parcours.latencies.count)} requests: p50 ${msec(parcours.latencies.p50)}, p99 ${msec(parcours.latencies.p99)}`);
    // The ceiling serves a real answer to every person: one taken from the API now.
    const answer = await fetch(`${base}/persons/${chosen[0]!}/parcours`, { headers: { authorization: await authorisationFor(`${base}/persons/x/parcours`) } });
    writeFileSync(ceilingAnswerFile(file), Buffer.from(await answer.arrayBuffer()));
    const parcoursFetch = await timeInClient(startClient, specFile, clientSpec(base, 'fetch', [], chosen.slice(opts.warmup + opts.queries)));
    console.log(`parcours     the same with fetch, ${int(parcoursFetch.latencies.count)} other persons: p50 ${msec(parcoursFetch.latencies.p50)}, p99 ${msec(parcoursFetch.latencies.p99)}`);

    const cohorts: CohortTiming[] = [];
    if (cohortId) {
      for (const path of timable) {
        const t = await timeCohortView(base, path, cohortId, opts.cohortCalls);
        cohorts.push(t);
        console.log(`cohort       GET ${path}: cold ${msec(t.cold.ms)} (${t.cold.status}), warm p50 ${msec(t.warm.p50)}, p99 ${msec(t.warm.p99)}`);
      }
    }
    server.send({ type: 'stop' });
    const stopped = await server.next<ServeStopped>('stopped');
    await server.exited;
    // Alone on the machine, once the API is gone and its close (a WAL checkpoint) has settled.
    await new Promise((resolve) => setTimeout(resolve, CEILING_SETTLE_MS));
    const ceiling = await timeCeiling(script, ceilingAnswerFile(file), (ceilingBase) => clientSpec(ceilingBase, 'http', chosen.slice(0, opts.warmup), judged), startClient, specFile);
    console.log(`ceiling      bare Fastify, a stored answer, the same client: p50 ${msec(ceiling.latencies.p50)}, p99 ${msec(ceiling.latencies.p99)}`);
    return { startMs, liveMs: live.ms, parcours, parcoursFetch, ceiling, cohortNote, cohorts, server: stopped, serverPeak: serverRss.stop() };
  } catch (error) {
    server.child.kill();
    throw error;
  }
}

interface Row {
  readonly measure: string;
  /** How the closing MISS line names it, when the table's indentation does not say enough. */
  readonly name?: string;
  readonly figure: string;
  readonly target: string;
  readonly pass: boolean | undefined;
}

function table(rows: readonly Row[]): string {
  const header = ['measure', 'figure', 'target', 'result'];
  const cells = rows.map((r) => [r.measure, r.figure, r.target, r.pass === undefined ? '—' : r.pass ? 'PASS' : 'MISS']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) => c.map((x, i) => (i === 0 || i === 3 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** The server's side of the timed parcours requests (bench/support/server-timing.ts). */
function serverTimingText(t: ServerTimingReport): string {
  const short = (l: Latencies) => `p50 ${msec(l.p50)}, p99 ${msec(l.p99)}`;
  const gc = (g: ServerTimingReport['scavenges']) => `${g.count} (${msec(g.totalMs)} in all, longest ${msec(g.maxMs)})`;
  return (
    `  server     ${int(t.requests)} requests as the API saw them: arrival → written ${short(t.total)}; arrival → answer built ${short(t.handler)}; ` +
    `answer → written (serialised, audit entry committed, sent) ${short(t.answer)}\n` +
    `  server gc  meanwhile: scavenges ${gc(t.scavenges)}, major collections ${gc(t.majorCollections)}`
  );
}

const latencyText = (l: Latencies) => `p50 ${msec(l.p50)}, p90 ${msec(l.p90)}, p99 ${msec(l.p99)}, max ${msec(l.max)}, mean ${msec(l.mean)}`;

async function main(): Promise<void> {
  const opts = options();
  if (opts.phase === 'rebuild') {
    const result = await rebuildPhase(opts.file!);
    process.send!(result, () => process.exit(0));
    return;
  }
  if (opts.phase === 'serve') return servePhase(opts.file!);
  if (opts.phase === 'ceiling') return ceilingPhase(opts.file!);
  if (opts.phase === 'client') return clientPhase(opts.file!);
  if (opts.phase === 'scan') {
    process.send!({ type: 'scanned', result: rawScan(opts.file!) }, () => process.exit(0));
    return;
  }

  const script = fileURLToPath(import.meta.url);
  const started = now();
  const root = mkdtempSync(join(opts.dir, 'parcours-bench-replay-'));
  const file = join(root, 'parcours.sqlite');
  const machine = machineInfo(root);
  const spec: CohortSpec = { seed: opts.seed, persons: opts.persons, eventsPerPerson: opts.eventsPerPerson, interleave: opts.interleave };

  console.log('bench:replay — rebuild of every read model vs a bare better-sqlite3 scan (same run); queries on the API');
  console.log(`date         ${new Date().toISOString()}`);
  console.log(`machine      ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.platform}`);
  console.log(`runtime      Node ${machine.node}, SQLite ${machine.sqlite}, better-sqlite3 ${machine.betterSqlite3}`);
  console.log(`files        ${root} — ${machine.fileSystem}`);
  console.log(`load         ${loadAverage()} (1/5/15 min) at start`);
  if (/tmpfs|ramfs/.test(machine.fileSystem)) console.log('WARNING      the temp dir is in memory: pass --dir on a disk');
  if (!(globalThis as { gc?: unknown }).gc) console.log('WARNING      run with node --expose-gc for a GC between measurements');
  console.log(
    `cohort       seed ${opts.seed}, ${int(opts.persons)} persons, ~${opts.eventsPerPerson} events each (apps/cli/src/synthetic), ` +
      (opts.interleave > 1
        ? `interleaved: ${int(opts.interleave)} persons at a time, one event per append, round-robin; `
        : 'one person after the other, each in appends of ≤ 500 events; ') +
      `${opts.reuse ? `cached in ${opts.reuse}` : 'loaded afresh (no --reuse)'}`,
  );

  let load: LoadReport;
  try {
    load = await prepareEventFile(file, spec, opts.reuse, (line) => process.stderr.write(`  ${line}\n`));
  } catch (error) {
    if (!opts.keep) rmSync(root, { recursive: true, force: true });
    throw error;
  }
  const described = describeEventFile(file);
  const events = described.events;
  console.log(
    `event file   ${int(events)} events, ${int(described.personIds.length)} persons, ${mib(statSync(file).size)}; ` +
      (load.loaded ? `loaded in ${secs(load.loadMs)} (SqliteEventStore.append, synchronous=NORMAL for the load only)` : 'from the cache') +
      (load.cacheFile ? `, copied from ${load.cacheFile} in ${secs(load.copyMs)}` : ''),
  );

  try {
    // Baseline, then the rebuild, then the baseline again: drift on the machine hits both sides.
    gc();
    const scans: ScanResult[] = [await scanInChild(script, file)];
    console.log(`baseline     scan 1: ${int(scans[0]!.events)} events in ${secs(scans[0]!.ms)}, ${int(scans[0]!.eventsPerSecond)} events/s`);

    const execArgv = ['--expose-gc', ...profiling(opts, 'rebuild')];
    const child = new PhaseProcess(script, 'rebuild', file, execArgv);
    const outside = new RssSampler(() => (child.child.pid ? procStatusBytes('VmRSS', child.child.pid) : undefined)).start();
    const rebuilt = await child.next<RebuildPhaseResult>('rebuilt');
    const fromOutside = outside.stop();
    const code = await child.exited;
    if (code !== 0) throw new Error(`the rebuild process exited with code ${code}`);
    const processed = rebuilt.projections.reduce((s, p) => s + p.processed, 0);
    for (const p of rebuilt.projections) {
      console.log(`rebuild      ${p.name} v${p.version}: ${int(p.processed)} events in ${secs(p.ms)}, ${int((p.processed / p.ms) * 1000)} events/s`);
    }

    gc();
    scans.push(await scanInChild(script, file));
    console.log(`baseline     scan 2: ${int(scans[1]!.events)} events in ${secs(scans[1]!.ms)}, ${int(scans[1]!.eventsPerSecond)} events/s`);
    const baseline = scans.reduce((best, s) => (s.eventsPerSecond > best.eventsPerSecond ? s : best));
    const stats = readModelStats(file);

    const queries = opts.skipQueries ? undefined : await runQueries(script, file, described.personIds, opts);

    // --- report
    // Targets apply to each projection's replay and to the runner's throughput over all of them
    // (events applied ÷ wall time); the time to bring every read model back is shown beside.
    const applied = (processed / rebuilt.totalMs) * 1000;
    const everyModel = (events / rebuilt.totalMs) * 1000;
    const peak = rebuilt.vmHWM ?? Math.max(rebuilt.sampled.peakBytes, fromOutside.peakBytes);
    const rateRows = (measure: string, eps: number): Row[] => [
      { measure, figure: `${int(eps)} ev/s`, target: `≥ ${int(TARGETS.rebuildEventsPerSecond)} ev/s`, pass: eps >= TARGETS.rebuildEventsPerSecond },
      {
        measure: '  ÷ baseline',
        name: `${measure} ÷ baseline`,
        figure: pct(eps / baseline.eventsPerSecond),
        target: `≥ ${pct(TARGETS.rebuildVsBaseline).replace('.0', '')}`,
        pass: eps / baseline.eventsPerSecond >= TARGETS.rebuildVsBaseline,
      },
    ];
    const rows: Row[] = [
      { measure: 'baseline: raw scan + JSON.parse (best of 2)', figure: `${int(baseline.eventsPerSecond)} ev/s`, target: '', pass: undefined },
      ...rebuilt.projections.flatMap((p) => rateRows(`rebuild ${p.name} v${p.version}`, (p.processed / p.ms) * 1000)),
      ...rateRows(`rebuild, ${rebuilt.projections.length} projections: events applied ÷ wall time`, applied),
      { measure: 'every read model rebuilt: log events ÷ wall time', figure: `${int(everyModel)} ev/s`, target: '', pass: undefined },
      { measure: 'peak RSS of the rebuild process (VmHWM)', figure: mib(peak), target: `≤ ${mib(TARGETS.peakRssBytes)}`, pass: peak <= TARGETS.peakRssBytes },
    ];
    if (queries) {
      const l = queries.parcours.latencies;
      rows.push({ measure: `GET /persons/:id/parcours p99 (${int(l.count)} requests)`, figure: msec(l.p99), target: `≤ ${TARGETS.parcoursP99Ms} ms`, pass: l.p99 <= TARGETS.parcoursP99Ms && queries.parcours.failures === 0 });
      const warm = queries.parcours.warmupLatencies;
      if (warm) rows.push({ measure: `  warm-up: the first ${int(warm.count)} after the start, p99`, figure: msec(warm.p99), target: '', pass: undefined });
      rows.push({ measure: '  ceiling: bare Fastify, a stored answer, p99', figure: msec(queries.ceiling.latencies.p99), target: '', pass: undefined });
      for (const c of queries.cohorts) {
        rows.push({ measure: `GET ${c.path} cold (first call)`, figure: msec(c.cold.ms), target: '', pass: undefined });
        rows.push({
          measure: `GET ${c.path} warm p99 (${c.warm.count} calls)`,
          figure: msec(c.warm.p99),
          target: `≤ ${TARGETS.cohortWarmMs} ms`,
          pass: c.warm.p99 <= TARGETS.cohortWarmMs && c.failures === 0,
        });
      }
    }

    console.log('');
    console.log(`rebuild      ${int(events)} log events, ${int(processed)} applied over ${rebuilt.projections.length} projection(s) in ${secs(rebuilt.totalMs)} ` +
      `(Nest context ready in ${secs(rebuilt.contextMs)}, not counted); the runner's defaults: read models synchronous=NORMAL, batches of 1,000`);
    console.log(
      `memory       rebuild process: VmHWM ${mib(rebuilt.vmHWM)}; sampled every 50 ms in-process ${mib(rebuilt.sampled.peakBytes)} ` +
        `(${rebuilt.sampled.samples} samples, longest gap ${rebuilt.sampled.longestGapMs} ms), from the parent ${mib(fromOutside.peakBytes)} ` +
        `(${fromOutside.samples} samples); RSS at start ${mib(rebuilt.rssAtStart)}, after Nest init ${mib(rebuilt.rssAfterInit)}, at the end ${mib(rebuilt.rssAtEnd)}, heap used at the end ${mib(rebuilt.heapUsedAtEnd)}`,
    );
    console.log(`baseline     scans: ${scans.map((s) => `${int(s.eventsPerSecond)} ev/s`).join(', ')}`);
    console.log(
      `read models  ${stats.tables.map((t) => `${t.name} ${int(t.rows)} rows`).join(', ')}` +
        (stats.parcours ? `; parcours inputs ${int(stats.parcours.inputBytes)} B and summary ${int(stats.parcours.summaryBytes)} B of JSON per person on average` : ''),
    );
    if (queries) {
      console.log(`parcours     ${latencyText(queries.parcours.latencies)}; ${int(queries.parcours.distinctPersons)} distinct persons after a warm-up of ${queries.parcours.warmup}, ` +
        `${int(queries.parcours.meanBytes)} B per answer on average, ${queries.parcours.failures} non-200; Node's http client, one keep-alive connection`);
      const warm = queries.parcours.warmupLatencies;
      if (warm) console.log(`  warm-up    ${latencyText(warm)}; the first ${int(queries.parcours.warmup)} requests after the API started, other persons (shown, not judged)`);
      console.log(`  ceiling    ${latencyText(queries.ceiling.latencies)}; bare Fastify answering a stored ${int(queries.ceiling.meanBytes)} B answer to every person, the same client`);
      console.log(`  fetch      ${latencyText(queries.parcoursFetch.latencies)}; ${int(queries.parcoursFetch.distinctPersons)} other persons, ${queries.parcoursFetch.failures} non-200 (the client's own cost, beside)`);
      console.log(serverTimingText(queries.server.timing));
      console.log(`cohorts      ${queries.cohortNote}`);
      for (const c of queries.cohorts) console.log(`             GET ${c.path}: cold ${msec(c.cold.ms)} (${c.cold.status}, ${int(c.cold.bytes)} B), warm ${latencyText(c.warm)}, ${c.failures} non-200`);
      console.log(
        `api process  VmHWM ${mib(queries.server.vmHWM)} (sampled from the parent ${mib(queries.serverPeak.peakBytes)}), RSS at the end ${mib(queries.server.rss)}; ` +
          `started in ${secs(queries.startMs)}, live ${secs(queries.liveMs)} later`,
      );
    }
    console.log(`\n${table(rows)}\n`);
    const misses = rows.filter((r) => r.pass === false);
    console.log(misses.length ? `MISS: ${misses.map((r) => r.name ?? r.measure).join('; ')} (a report, not a test: exit code 0).` : 'PASS: every target is met.');
    console.log(`load         ${loadAverage()} (1/5/15 min) at the end; whole run ${secs(now() - started)}`);
  } finally {
    if (!opts.keep) rmSync(root, { recursive: true, force: true });
    else console.log(`kept         ${root}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error);
  if (process.send) process.send({ type: 'error', message: (error as Error).message }, () => process.exit(1));
  else process.exit(1);
});
