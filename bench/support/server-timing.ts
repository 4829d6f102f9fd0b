import { constants, type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Latencies, latencies } from './http-queries.js';

/**
 * bench:replay's API child: where a request's time goes on the server's side, to set beside what the
 * client measures. For each request of one route, from Fastify's hooks: `handler` from the request's
 * arrival (onRequest) to its answer object (preSerialization: guards, access check, query, render),
 * `answer` from there to the response written (onResponse: serialisation, the audit entry's durable
 * commit in the onSend hook, the socket write); and the garbage collections meanwhile. Hooks only:
 * nothing of the application is changed. The parent says when to start (its warm-up done) and stop
 * (its last timed request answered). Collections are counted, not matched to requests: Node's gc
 * entries' start times are not on the same clock as performance.now() (several ms apart here).
 */
export interface ServerTimingReport {
  readonly route: string;
  readonly requests: number;
  readonly total: Latencies;
  readonly handler: Latencies;
  readonly answer: Latencies;
  readonly scavenges: { readonly count: number; readonly totalMs: number; readonly maxMs: number };
  readonly majorCollections: { readonly count: number; readonly totalMs: number; readonly maxMs: number };
}

interface Timed {
  arrived: number;
  answered?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    benchTiming?: Timed;
  }
}

export class ServerTiming {
  private recording = false;
  private readonly requests: { handler: number; total: number }[] = [];
  private readonly collections: { ms: number; major: boolean }[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    if (!this.recording) return;
    for (const entry of list.getEntries()) {
      const kind = ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail)?.kind;
      this.collections.push({ ms: entry.duration, major: kind !== constants.NODE_PERFORMANCE_GC_MINOR });
    }
  });

  constructor(
    fastify: FastifyInstance,
    private readonly route: string,
  ) {
    this.observer.observe({ entryTypes: ['gc'] });
    const mine = (request: FastifyRequest) => this.recording && request.routeOptions.url === route;
    fastify.addHook('onRequest', async (request) => {
      if (this.recording) request.benchTiming = { arrived: performance.now() };
    });
    fastify.addHook('preSerialization', async (request, _reply, payload) => {
      if (request.benchTiming) request.benchTiming.answered = performance.now();
      return payload;
    });
    fastify.addHook('onResponse', async (request) => {
      const timed = request.benchTiming;
      if (!timed || !mine(request)) return;
      const end = performance.now();
      this.requests.push({ handler: (timed.answered ?? end) - timed.arrived, total: end - timed.arrived });
    });
  }

  start(): void {
    this.recording = true;
  }

  stop(): void {
    this.recording = false;
  }

  report(): ServerTimingReport {
    this.recording = false;
    this.observer.disconnect();
    const sum = (major: boolean) => {
      const picked = this.collections.filter((c) => c.major === major);
      return { count: picked.length, totalMs: picked.reduce((s, c) => s + c.ms, 0), maxMs: Math.max(0, ...picked.map((c) => c.ms)) };
    };
    return {
      route: this.route,
      requests: this.requests.length,
      total: latencies(this.requests.map((r) => r.total)),
      handler: latencies(this.requests.map((r) => r.handler)),
      answer: latencies(this.requests.map((r) => r.total - r.handler)),
      scavenges: sum(false),
      majorCollections: sum(true),
    };
  }
}
