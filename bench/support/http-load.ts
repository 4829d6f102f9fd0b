import { createRequire } from 'node:module';
import type { PersonQueue } from './api-workload.js';
import { latencies, type Latencies } from './http-queries.js';

/** The part of autocannon's programmatic API used here (the package ships no types). */
interface AutocannonRequest {
  method: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  headers: Record<string, string>;
  requests: {
    method: string;
    setupRequest: (request: AutocannonRequest, context: Record<string, unknown>) => AutocannonRequest;
    onResponse: (status: number, body: string, context: Record<string, unknown>) => void;
  }[];
}
interface AutocannonResult {
  errors: number;
  timeouts: number;
  duration: number;
}
type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface LoadResult {
  /** Requests answered 201 (each one event stored). */
  readonly created: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Latency of the 201 answers, ms, from building the request to its whole answer. */
  readonly latency: Latencies;
  /** Answers by status code, 201 included. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Connection errors and timeouts (autocannon's counts). */
  readonly errors: number;
  readonly timeouts: number;
  /** A few non-201 bodies, to say why. */
  readonly samples: readonly string[];
}

/**
 * POST /persons/:id/events from `connections` keep-alive connections for `seconds` (or for a
 * number of `requests`), each request
 * taking the next line of an idle person (PersonQueue), so no person has two requests in flight.
 * Latencies are taken here (sub-millisecond), not from autocannon's whole-millisecond histogram.
 */
export async function appendLoad(
  base: string,
  queue: PersonQueue,
  options: { connections: number; headers: Record<string, string> } & ({ seconds: number } | { requests: number }),
): Promise<LoadResult> {
  const ms: number[] = [];
  const statuses: Record<string, number> = {};
  const samples: string[] = [];
  let exhausted = false;
  const result = await autocannon({
    url: base,
    connections: options.connections,
    ...('seconds' in options ? { duration: options.seconds } : { amount: options.requests }),
    headers: { 'content-type': 'application/json', ...options.headers },
    requests: [
      {
        method: 'POST',
        setupRequest: (request, context) => {
          const next = queue.take();
          if (!next) {
            // Every line sent: a harmless read keeps the connection busy; the run is then reported as exhausted.
            exhausted = true;
            context['person'] = undefined;
            return { ...request, method: 'GET', path: '/health', body: '' };
          }
          context['person'] = next.person;
          context['started'] = performance.now();
          return { ...request, method: 'POST', path: `/persons/${next.personId}/events`, body: next.body };
        },
        onResponse: (status, body, context) => {
          const person = context['person'];
          if (typeof person !== 'number') return;
          queue.release(person);
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status === 201) ms.push(performance.now() - (context['started'] as number));
          else if (samples.length < 5) samples.push(`${status} ${body.slice(0, 300)}`);
        },
      },
    ],
  });
  if (exhausted) throw new Error('the workload ran out of lines: raise --persons or --events-per-person');
  const created = statuses['201'] ?? 0;
  return {
    created,
    seconds: result.duration,
    perSecond: created / result.duration,
    latency: latencies(ms),
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    samples,
  };
}

/** Sends `bodies` to `path` with at most `concurrency` requests in flight; throws on the first non-2xx. */
export async function postAll(url: string, bodies: readonly unknown[], headers: Record<string, string>, concurrency = 32): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const text = await response.text();
      if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${text.slice(0, 500)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

export async function getJsonAs<T>(url: string, authorization: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization } });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
