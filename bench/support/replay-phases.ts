import { type ChildProcess, fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../apps/api/src/app.module.js';
import { createApp } from '../../apps/api/src/bootstrap.js';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { ProjectionCatalog, ProjectionRunner } from '../../apps/api/src/projections/index.js';
import { procStatusBytes, RssSampler, type RssSamples } from './memory.js';
import { BENCH_SECRETS } from './bench-auth.js';
import { ServerTiming, type ServerTimingReport } from './server-timing.js';

/**
 * The measured phases of bench:replay each run in a child process of their own (the bench script
 * again, with `--phase`), so that the rebuild's peak RSS is the rebuild's, not the load's or the
 * HTTP client's, and the API serves from another process than the one timing it.
 */

export interface ProjectionRebuild {
  readonly name: string;
  readonly version: number;
  readonly processed: number;
  /** Wall time of `runner.rebuild(name)`, measured around the call. */
  readonly ms: number;
  /** The runner's own figure (from its start to caught up). */
  readonly runnerMs: number;
}

export interface RebuildPhaseResult {
  readonly type: 'rebuilt';
  readonly projections: readonly ProjectionRebuild[];
  /** Every projection, one after the other. */
  readonly totalMs: number;
  readonly contextMs: number;
  readonly rssAtStart: number;
  readonly rssAfterInit: number;
  readonly rssAtEnd: number;
  /** In-process samples, from before the Nest context to the end of the last rebuild. */
  readonly sampled: RssSamples;
  /** /proc/self/status VmHWM after the last rebuild: the kernel's peak RSS of the whole process. */
  readonly vmHWM: number | undefined;
  readonly heapUsedAtEnd: number;
}

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const LOG = { logger: ['error', 'warn'] as ('error' | 'warn')[], abortOnError: false };

/** Child: rebuild every registered projection in a Nest application context, as the CLI does. */
export async function rebuildPhase(file: string): Promise<RebuildPhaseResult> {
  const sampler = new RssSampler().start();
  const rssAtStart = process.memoryUsage.rss();
  const contextStarted = performance.now();
  const config = { ...loadConfig({ ...BENCH_SECRETS, PARCOURS_DB: file, LOG_LEVEL: 'warn' }, []), logLevel: 'warn' as const };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), LOG);
  await app.init();
  const contextMs = performance.now() - contextStarted;
  const rssAfterInit = process.memoryUsage.rss();
  try {
    const runner = app.get(ProjectionRunner);
    const definitions = app.get(ProjectionCatalog).all();
    const projections: ProjectionRebuild[] = [];
    const started = performance.now();
    for (const { name, version } of definitions) {
      gc();
      let lastLine = performance.now();
      const t = performance.now();
      const result = await runner.rebuild(name, (p) => {
        if (performance.now() - lastLine < 10_000) return;
        lastLine = performance.now();
        process.stderr.write(`  rebuild ${name}: ${p.processed}${p.total ? `/${p.total}` : ''} events, ${Math.round(p.eventsPerSecond)} events/s\n`);
      });
      projections.push({ name, version, processed: result.processed, ms: performance.now() - t, runnerMs: result.durationMs });
    }
    const totalMs = performance.now() - started;
    const sampled = sampler.stop();
    return {
      type: 'rebuilt',
      projections,
      totalMs,
      contextMs,
      rssAtStart,
      rssAfterInit,
      rssAtEnd: process.memoryUsage.rss(),
      sampled,
      vmHWM: procStatusBytes('VmHWM'),
      heapUsedAtEnd: process.memoryUsage().heapUsed,
    };
  } finally {
    await app.close();
  }
}

export interface ServeStopped {
  readonly type: 'stopped';
  readonly vmHWM: number | undefined;
  readonly rss: number;
  /** GET /persons/:id/parcours as the server saw it, between the parent's 'timing-start' and 'timing-stop'. */
  readonly timing: ServerTimingReport;
}

/** The route whose server-side time the serve phase records. */
export const TIMED_ROUTE = '/persons/:id/parcours';

/**
 * Child: the real API (createApp + listen on 127.0.0.1, a random port, LOG_LEVEL=silent) on the
 * file; tells the parent its port, serves until the parent says stop, then closes gracefully.
 */
export async function servePhase(file: string): Promise<void> {
  const config = loadConfig({ ...BENCH_SECRETS, PARCOURS_RATE_LIMIT: '0', PARCOURS_DB: file, LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0' }, []);
  const app = await createApp(config);
  const timing = new ServerTiming(app.getHttpAdapter().getInstance(), TIMED_ROUTE);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'timing-start' || message?.type === 'timing-stop') {
      if (message.type === 'timing-start') timing.start();
      else timing.stop();
      process.send!({ type: `${message.type}-done` });
    }
    if (message?.type !== 'stop') return;
    const stopped: ServeStopped = { type: 'stopped', vmHWM: procStatusBytes('VmHWM'), rss: process.memoryUsage.rss(), timing: timing.report() };
    void app.close().then(() => process.send!(stopped, () => process.exit(0)));
  });
  process.send!({ type: 'listening', port });
}

/** Parent: a child running `script --phase <phase> --file <file>`, with its messages as a queue. */
export class PhaseProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  private readonly inbox: unknown[] = [];
  private waiting: ((message: unknown) => void) | undefined;

  constructor(script: string, phase: 'rebuild' | 'serve' | 'ceiling' | 'client', file: string, execArgv: readonly string[]) {
    this.child = fork(script, ['--phase', phase, '--file', file], { execArgv: [...execArgv], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (message) => {
      if (this.waiting) {
        const wake = this.waiting;
        this.waiting = undefined;
        wake(message);
      } else this.inbox.push(message);
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** The next message of the given type; rejects if the child exits first. */
  async next<T extends { type: string }>(type: T['type']): Promise<T> {
    for (;;) {
      const message = this.inbox.shift() ?? (await Promise.race([new Promise<unknown>((resolve) => (this.waiting = resolve)), this.exited.then((code) => ({ type: 'exit', code }))]));
      const typed = message as { type?: string; code?: number | null; message?: string };
      if (typed.type === type) return message as T;
      if (typed.type === 'exit') throw new Error(`the ${type} phase's process exited (code ${typed.code}) before reporting`);
      if (typed.type === 'error') throw new Error(`the child process failed: ${typed.message}`);
    }
  }

  send(message: { type: string }): void {
    this.child.send(message);
  }
}
