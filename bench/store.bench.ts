/**
 * `npm run bench:store`: the SQLite event store adapter against a bare better-sqlite3 baseline,
 * measured in the same run, on the same machine, the same disk and the same workload.
 *
 *   (a) one event per append   — expected revision = the stream's current revision, as the API does
 *   (b) batches of 100 events per append
 *   (c) readAll of everything (b) wrote — async iteration, each event's data looked into
 *
 * Baseline and adapter run interleaved: each round splits the workload into slices and alternates
 * which side goes first in each slice, so disk and CPU drift hit both sides alike; the figure of
 * each side is its best round. A report, not a test: the exit code is 0 even when a mode misses
 * the target (adapter ≥ 80 % of the baseline). Figures and method: docs/benchmarks.md.
 *
 * Options: --events N (100000) --streams N (1000) --batch N (100) --single-events N (= events)
 *          --rounds N (2, append modes) --read-rounds N (7) --slices N (200) --dir PATH (os tmpdir)
 *          --keep (leave the database files)
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type NewEvent, SqliteEventStore } from '@parcours/event-store';
import { BaselineStore } from './support/baseline-store.js';
import { machineInfo } from './support/machine.js';
import { makeWorkload, touch, type Workload } from './support/workload.js';

const TARGET = 0.8;

class UsageError extends Error {}

interface Options {
  readonly events: number;
  readonly streams: number;
  readonly batch: number;
  readonly singleEvents: number;
  readonly rounds: number;
  readonly readRounds: number;
  readonly slices: number;
  readonly dir: string;
  readonly keep: boolean;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '100000' },
      streams: { type: 'string', default: '1000' },
      batch: { type: 'string', default: '100' },
      'single-events': { type: 'string' },
      rounds: { type: 'string', default: '2' },
      'read-rounds': { type: 'string', default: '7' },
      slices: { type: 'string', default: '200' },
      dir: { type: 'string', default: tmpdir() },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      'node --expose-gc dist/bench/store.bench.js [--events N] [--streams N] [--batch N] [--single-events N]\n' +
        '    [--rounds N] [--read-rounds N] [--slices N] [--dir PATH] [--keep]',
    );
    process.exit(0);
  }
  const int = (name: string, raw: string | undefined, min: number): number => {
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got ${raw}`);
    return n;
  };
  const events = int('events', values.events, 1);
  return {
    events,
    streams: int('streams', values.streams, 1),
    batch: int('batch', values.batch, 1),
    singleEvents: Math.min(events, int('single-events', values['single-events'] ?? String(events), 1)),
    rounds: int('rounds', values.rounds, 1),
    readRounds: int('read-rounds', values['read-rounds'], 1),
    slices: int('slices', values.slices, 1),
    dir: values.dir,
    keep: values.keep,
  };
}

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const now = () => performance.now();

/** One append: `events` go to stream number `stream`. Built before timing, shared by both sides. */
interface Unit {
  readonly stream: number;
  readonly events: readonly NewEvent[];
}

function units(workload: Workload, eventCount: number, batch: number): Unit[] {
  const list: Unit[] = [];
  for (let i = 0, n = 0; i < eventCount; i += batch, n++) {
    list.push({ stream: n % workload.streams.length, events: workload.events.slice(i, Math.min(i + batch, eventCount)) });
  }
  return list;
}

interface RoundTimes {
  adapterMs: number;
  baselineMs: number;
  /** Per slice: adapter throughput ÷ baseline throughput. */
  sliceRatios: number[];
}

/**
 * One round of an append mode on two fresh files (one per side) in `dir`: the units are cut into
 * slices, and the side that goes first alternates from slice to slice.
 */
async function appendRound(dir: string, workload: Workload, list: readonly Unit[], slices: number): Promise<RoundTimes> {
  mkdirSync(dir, { recursive: true });
  const adapterFile = join(dir, 'adapter.db');
  const store = new SqliteEventStore({ filename: adapterFile }); // defaults: WAL + synchronous=FULL
  const baseline = new BaselineStore(join(dir, 'baseline.db'), true);
  const streams = workload.streams;
  const adapterRev = new Int32Array(streams.length).fill(-1);
  const baselineRev = new Int32Array(streams.length).fill(-1);

  const runAdapter = async (from: number, to: number): Promise<number> => {
    const start = now();
    for (let u = from; u < to; u++) {
      const { stream, events } = list[u]!;
      const current = adapterRev[stream]!;
      const result = await store.append(streams[stream]!, events, current < 0 ? 'no_stream' : current);
      adapterRev[stream] = result.nextRevision;
    }
    return now() - start;
  };
  const runBaseline = (from: number, to: number): number => {
    const start = now();
    for (let u = from; u < to; u++) {
      const { stream, events } = list[u]!;
      baselineRev[stream] = baseline.append(streams[stream]!, events, baselineRev[stream]!);
    }
    return now() - start;
  };

  // No GC between slices: they are short, and a collection the workload triggers is its cost.
  gc();
  const times: RoundTimes = { adapterMs: 0, baselineMs: 0, sliceRatios: [] };
  const count = Math.min(slices, list.length);
  for (let s = 0; s < count; s++) {
    const from = Math.floor((s * list.length) / count);
    const to = Math.floor(((s + 1) * list.length) / count);
    let a: number;
    let b: number;
    if (s % 2 === 0) {
      b = runBaseline(from, to);
      a = await runAdapter(from, to);
    } else {
      a = await runAdapter(from, to);
      b = runBaseline(from, to);
    }
    times.adapterMs += a;
    times.baselineMs += b;
    times.sliceRatios.push(b / a);
  }
  await store.close();
  baseline.close();
  return times;
}

interface ReadTimes {
  adapterMs: number;
  baselineMs: number;
}

/** Reads the whole log of `file` with both sides, one after the other; checks both saw every event. */
async function readRound(file: string, expected: number, adapterFirst: boolean): Promise<ReadTimes> {
  const store = new SqliteEventStore({ filename: file });
  const baseline = new BaselineStore(file, false);
  const runAdapter = async (): Promise<number> => {
    gc();
    const start = now();
    let count = 0;
    let checksum = 0;
    for await (const event of store.readAll()) {
      checksum += touch(event.data);
      count += 1;
    }
    const ms = now() - start;
    if (count !== expected || checksum === 0) throw new Error(`adapter read ${count} events, expected ${expected}`);
    return ms;
  };
  const runBaseline = (): number => {
    gc();
    const start = now();
    const { count, checksum } = baseline.readAll();
    const ms = now() - start;
    if (count !== expected || checksum === 0) throw new Error(`baseline read ${count} events, expected ${expected}`);
    return ms;
  };
  let times: ReadTimes;
  if (adapterFirst) {
    const adapterMs = await runAdapter();
    times = { adapterMs, baselineMs: runBaseline() };
  } else {
    const baselineMs = runBaseline();
    times = { baselineMs, adapterMs: await runAdapter() };
  }
  await store.close();
  baseline.close();
  return times;
}

interface ModeResult {
  readonly mode: string;
  readonly events: number;
  readonly adapterEps: number;
  readonly baselineEps: number;
  readonly ratio: number;
  readonly note: string;
}

function summarise(mode: string, events: number, rounds: readonly (RoundTimes | ReadTimes)[]): ModeResult {
  const adapterMs = Math.min(...rounds.map((r) => r.adapterMs));
  const baselineMs = Math.min(...rounds.map((r) => r.baselineMs));
  const adapterEps = (events / adapterMs) * 1000;
  const baselineEps = (events / baselineMs) * 1000;
  const perRound = rounds.map((r) => pct(r.baselineMs / r.adapterMs)).join(', ');
  const slices = rounds.flatMap((r) => ('sliceRatios' in r ? r.sliceRatios : []));
  const note =
    `ratio per round: ${perRound}` +
    (slices.length > 0
      ? `; per slice (${slices.length}): median ${pct(quantile(slices, 0.5))}, middle half ${pct(quantile(slices, 0.25))} – ${pct(quantile(slices, 0.75))}`
      : '');
  return { mode, events, adapterEps, baselineEps, ratio: adapterEps / baselineEps, note };
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low]! + (sorted[Math.min(low + 1, sorted.length - 1)]! - sorted[low]!) * (at - low);
}

const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(' / ');
const pct = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

function table(results: readonly ModeResult[]): string {
  const header = ['mode', 'events', 'adapter ev/s', 'baseline ev/s', 'adapter ÷ baseline', 'target', 'result'];
  const rows = results.map((r) => [
    r.mode,
    int(r.events),
    int(r.adapterEps),
    int(r.baselineEps),
    pct(r.ratio),
    `≥ ${pct(TARGET).replace('.0', '')}`,
    r.ratio >= TARGET ? 'PASS' : 'MISS',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const opts = options();
  const started = now();
  const root = mkdtempSync(join(opts.dir, 'parcours-bench-store-'));
  const machine = machineInfo(root);

  console.log('bench:store — SqliteEventStore (adapter) vs bare better-sqlite3 (baseline), same run');
  console.log(`date         ${new Date().toISOString()}`);
  console.log(`machine      ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.platform}`);
  console.log(`runtime      Node ${machine.node}, SQLite ${machine.sqlite}, better-sqlite3 ${machine.betterSqlite3}`);
  console.log(`files        ${root} — ${machine.fileSystem}; WAL, synchronous=FULL, fresh files`);
  console.log(`load         ${loadAverage()} (1/5/15 min) at start`);
  if (/tmpfs|ramfs/.test(machine.fileSystem)) console.log('WARNING      the temp dir is in memory: fsync costs nothing, pass --dir on a disk');
  if (!(globalThis as { gc?: unknown }).gc) console.log('WARNING      run with node --expose-gc for a GC between measurements');

  const workload = makeWorkload(opts.events, opts.streams);
  console.log(
    `workload     ${int(opts.events)} events (data ≈ ${Math.round(workload.meanDataBytes)} B JSON each), ${int(opts.streams)} streams person-<uuidv7>, ` +
      `UUIDv7 event ids; single appends: ${int(opts.singleEvents)} events; batches of ${opts.batch}`,
  );
  console.log(`method       ${opts.rounds} round(s) per append mode, ${opts.slices} interleaved slices each; ${opts.readRounds} read rounds; best round per side\n`);

  // Warm-up (not reported): JIT both code paths and the file system.
  const warm = Math.min(2000, opts.events);
  await appendRound(join(root, 'warmup-single'), workload, units(workload, warm, 1), 2);
  await appendRound(join(root, 'warmup-batch'), workload, units(workload, warm, opts.batch), 2);
  await readRound(join(root, 'warmup-batch', 'adapter.db'), warm, true);
  await readRound(join(root, 'warmup-batch', 'adapter.db'), warm, false);

  const results: ModeResult[] = [];

  const single = units(workload, opts.singleEvents, 1);
  const singleRounds: RoundTimes[] = [];
  for (let r = 0; r < opts.rounds; r++) {
    const dir = join(root, `single-${r}`);
    const t = await appendRound(dir, workload, single, opts.slices);
    singleRounds.push(t);
    console.log(`(a) round ${r + 1}: adapter ${secs(t.adapterMs)}, baseline ${secs(t.baselineMs)}`);
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
  }
  results.push(summarise('(a) 1 event / append', opts.singleEvents, singleRounds));

  const batches = units(workload, opts.events, opts.batch);
  const batchRounds: RoundTimes[] = [];
  let readFile = '';
  for (let r = 0; r < opts.rounds; r++) {
    const dir = join(root, `batch-${r}`);
    const t = await appendRound(dir, workload, batches, opts.slices);
    batchRounds.push(t);
    console.log(`(b) round ${r + 1}: adapter ${secs(t.adapterMs)}, baseline ${secs(t.baselineMs)}`);
    if (readFile && !opts.keep) rmSync(join(readFile, '..'), { recursive: true, force: true });
    readFile = join(dir, 'adapter.db');
  }
  results.push(summarise(`(b) ${opts.batch} events / append`, opts.events, batchRounds));

  // Both sides read the same file: the one the adapter wrote in the last batch round.
  const readRounds: ReadTimes[] = [];
  for (let r = 0; r < opts.readRounds; r++) {
    const t = await readRound(readFile, opts.events, r % 2 === 1);
    readRounds.push(t);
    console.log(`(c) round ${r + 1}: adapter ${secs(t.adapterMs)}, baseline ${secs(t.baselineMs)}`);
  }
  results.push(summarise('(c) readAll', opts.events, readRounds));

  console.log(`\n${table(results)}\n`);
  for (const r of results) console.log(`${r.mode}: ${r.note}`);
  const misses = results.filter((r) => r.ratio < TARGET);
  console.log(
    misses.length === 0
      ? `\nPASS: the adapter reaches ≥ 80 % of the baseline in every mode.`
      : `\nMISS: below 80 % of the baseline in ${misses.map((r) => r.mode).join(', ')} (a report, not a test: exit code 0).`,
  );
  console.log(`total ${secs(now() - started)}; load ${loadAverage()} at the end`);

  if (opts.keep) console.log(`files kept in ${root}`);
  else rmSync(root, { recursive: true, force: true });
}

await main().catch((error: unknown) => {
  const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_');
  if (!usage) throw error;
  console.error(`${(error as Error).message} (--help for the options)`);
  process.exitCode = 2;
});
