/**
 * `npm run bench:import`: memory of a 1M-event import and of the rebuild after it. Writes the
 * seeded synthetic cohort (`cli demo --persons 20000 --out`, ~50 events a person) as ndjson, then
 * runs the real CLI as child processes on a fresh store: `import <file>` (through the command
 * handlers, all-or-nothing per person) and `rebuild` (every read model from the whole log). Each
 * child's peak RSS is the kernel's VmHWM, read by the child itself at exit. Baselines in the same
 * run: a process that only streams the file (readline + JSON.parse), and the CLI's `info` (the
 * application context itself, on the imported store). Target: import and rebuild < 512 MiB.
 * A report, not a test: misses are printed, the exit code is 0. See docs/benchmarks.md.
 *
 * Options: --persons N (20000) --events-per-person N (50) --seed S (1) --dir PATH (os tmpdir)
 *          --file F (reuse an ndjson file instead of generating one) --keep (leave the files)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machineInfo } from './support/machine.js';
import { type MeasuredRun, runMeasured } from './support/measured-child.js';
import { mib } from './support/memory.js';
import { ROOT } from './support/parcours-server.js';

const LIMIT = 512 * 2 ** 20;
const CLI = join(ROOT, 'dist/apps/cli/src/main.js');

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '20000' },
    'events-per-person': { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    dir: { type: 'string', default: tmpdir() },
    file: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

function report(label: string, run: MeasuredRun, events?: number): void {
  const rate = events ? `, ${Math.round(events / (run.ms / 1000)).toLocaleString('en')} events/s` : '';
  console.log(`${label.padEnd(30)} peak RSS ${mib(run.peakRssBytes).padStart(8)}  (polled ${mib(run.polledPeakBytes)})  ${(run.ms / 1000).toFixed(1)} s${rate}`);
  if (run.code !== 0 && run.code !== null) console.log(`  exit ${run.code}: ${run.stderr.slice(-1500)}`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(values.dir, 'parcours-bench-import-'));
  const info = machineInfo(dir);
  console.log(`bench:import — ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB; Node ${info.node}; SQLite ${info.sqlite}; ${info.fileSystem}`);
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
  // The server's settings, for this run only: the store keeps its default durability (FULL).
  const env = { PARCOURS_DB: join(dir, 'parcours.sqlite'), PARCOURS_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'warn' };
  try {
    let file = values.file;
    if (!file) {
      file = join(dir, 'cohort.ndjson');
      const generated = await runMeasured([CLI, 'demo', '--persons', String(values.persons), '--events', String(values['events-per-person']), '--seed', String(values.seed), '--out', file, '--no-progress'], env, ROOT);
      if (generated.code !== 0) throw new Error(`demo --out failed: ${generated.stderr}`);
      console.log(generated.stdout.trim().split('\n').slice(0, 3).join('\n'));
    }
    console.log(`file: ${file}, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB\n`);

    const stream = await runMeasured([join(ROOT, 'dist/bench/support/stream-baseline.js'), file], env, ROOT);
    const lines = Number(/^(\d+) lines/.exec(stream.stdout)?.[1] ?? NaN);
    report(`baseline: stream ${lines.toLocaleString('en')} lines`, stream, lines);
    const imported = await runMeasured([CLI, 'import', file, '--no-progress'], env, ROOT);
    report('cli import', imported, lines);
    console.log(imported.stdout.trim().split('\n').map((l) => `  ${l}`).join('\n'));
    const idle = await runMeasured([CLI, 'info'], env, ROOT);
    report('baseline: cli info (context)', idle);
    const rebuilt = await runMeasured([CLI, 'rebuild'], env, ROOT);
    report('cli rebuild', rebuilt, lines);
    console.log(rebuilt.stdout.trim().split('\n').map((l) => `  ${l}`).join('\n'));

    console.log(`\ntarget: peak RSS < ${mib(LIMIT)}`);
    for (const [label, run] of [['import', imported], ['rebuild', rebuilt]] as const) {
      const ok = run.code === 0 && run.peakRssBytes !== undefined && run.peakRssBytes < LIMIT;
      console.log(`  ${label.padEnd(8)} ${mib(run.peakRssBytes)}: ${ok ? 'PASS' : 'MISS'}`);
    }
    console.log(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`kept ${dir}`);
  }
}

await main();
