import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { procStatusBytes } from './memory.js';

const PRELOAD = join(dirname(fileURLToPath(import.meta.url)), 'report-peak-rss.js');

export interface MeasuredRun {
  readonly code: number | null;
  readonly ms: number;
  /** Peak resident set of the child: its own VmHWM at exit (report-peak-rss.ts), else the highest polled. */
  readonly peakRssBytes: number | undefined;
  /** The highest VmHWM seen by polling every 100 ms from here (a check on the figure above). */
  readonly polledPeakBytes: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node args...` with `env` added, measuring its wall time and its own peak RSS (not this process's). */
export function runMeasured(args: readonly string[], env: Record<string, string>, cwd: string): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const peakFile = join(tmpdir(), `parcours-peak-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const child = spawn(process.execPath, ['--import', PRELOAD, ...args], { cwd, env: { ...process.env, ...env, PARCOURS_BENCH_PEAK_FILE: peakFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak: number | undefined;
    const poll = () => {
      const hwm = procStatusBytes('VmHWM', child.pid!);
      if (hwm !== undefined) peak = Math.max(peak ?? 0, hwm);
    };
    const timer = setInterval(poll, 100);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-20_000)));
    child.on('error', reject);
    child.on('exit', () => clearInterval(timer));
    child.on('close', (code) => {
      const reported = existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) || undefined : undefined;
      rmSync(peakFile, { force: true });
      resolve({ code, ms: performance.now() - started, peakRssBytes: reported ?? peak, polledPeakBytes: peak, stdout, stderr });
    });
  });
}
