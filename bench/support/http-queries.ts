import { SYNTHETIC_PROGRAMMES } from '../../apps/cli/src/synthetic/cohort-line.js';
import { authorisationFor, BENCH_ORGANISATION } from './bench-auth.js';
import type { LeanHttpClient } from './lean-http.js';

/**
 * The query side of bench:replay, over HTTP, one request at a time: each figure is the time from
 * sending the request to having read the whole body, as a client sees it on the same machine
 * (loopback). Node's `fetch` (undici, keep-alive) by default; the judged parcours requests use the
 * leaner `http` client (lean-http.ts).
 */

export interface Timed {
  readonly ms: number;
  readonly status: number;
  readonly bytes: number;
}

export async function timedGet(url: string): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: await authorisationFor(url) } });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization: await authorisationFor(url) } });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: await authorisationFor(url) }, body: JSON.stringify(body) });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, json };
}

interface ProjectionStatusLike {
  readonly name: string;
  readonly state: string;
  readonly lagEvents: number | null;
  readonly checkpoint: string;
  readonly headPosition: string | null;
}

/** Polls GET /admin/projections until every projection is live with no lag; returns the wait. */
export async function waitUntilLive(base: string, timeoutMs: number): Promise<{ ms: number; projections: ProjectionStatusLike[] }> {
  const started = performance.now();
  for (;;) {
    const { projections } = await getJson<{ projections: ProjectionStatusLike[] }>(`${base}/admin/projections`);
    if (projections.every((p) => p.state === 'live' && (p.lagEvents ?? 0) === 0 && p.checkpoint === p.headPosition)) {
      return { ms: performance.now() - started, projections };
    }
    if (performance.now() - started > timeoutMs) throw new Error(`projections not live after ${timeoutMs} ms: ${JSON.stringify(projections)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface Latencies {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** Nearest-rank percentiles. */
export function latencies(ms: readonly number[]): Latencies {
  const sorted = [...ms].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return {
    count: sorted.length,
    p50: rank(0.5),
    p90: rank(0.9),
    p99: rank(0.99),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length),
  };
}

export interface ParcoursTiming {
  readonly warmup: number;
  /** The warm-up's own requests (the first after the server started, when it is the first pass): shown, not judged. */
  readonly warmupLatencies: Latencies | undefined;
  readonly distinctPersons: number;
  readonly latencies: Latencies;
  readonly meanBytes: number;
  readonly failures: number;
}

export interface ParcoursTimingOptions {
  /** Called between the warm-up and the timed requests. */
  readonly afterWarmup?: () => Promise<void>;
  /** The timed requests' client; default `fetch`. */
  readonly client?: LeanHttpClient;
}

/** GET /persons/:id/parcours: a warm-up on other persons, then one request per person, in order. */
export async function timeParcours(base: string, warmupIds: readonly string[], ids: readonly string[], options: ParcoursTimingOptions = {}): Promise<ParcoursTiming> {
  const { client } = options;
  const authorization = await authorisationFor(`${base}/persons/x/parcours`);
  const timed = (url: string) => (client ? client.get(url, authorization) : timedGet(url));
  const warmupMs: number[] = [];
  for (const id of warmupIds) {
    const t = await timed(`${base}/persons/${id}/parcours`);
    if (t.status !== 200) throw new Error(`GET ${base}/persons/${id}/parcours: ${t.status}`);
    warmupMs.push(t.ms);
  }
  await options.afterWarmup?.();
  const ms: number[] = [];
  let bytes = 0;
  let failures = 0;
  for (const id of ids) {
    const t = await timed(`${base}/persons/${id}/parcours`);
    if (t.status !== 200) failures += 1;
    ms.push(t.ms);
    bytes += t.bytes;
  }
  const warmupLatencies = warmupMs.length ? latencies(warmupMs) : undefined;
  return { warmup: warmupIds.length, warmupLatencies, distinctPersons: new Set(ids).size, latencies: latencies(ms), meanBytes: bytes / Math.max(1, ids.length), failures };
}

export interface CohortRoutes {
  /** The OpenAPI paths found, e.g. /cohorts/{id}/outcomes; undefined when absent. */
  readonly outcomes: string | undefined;
  readonly costs: string | undefined;
  /** Required query parameters per path: the bench cannot guess values for them. */
  readonly requiredQuery: Readonly<Record<string, readonly string[]>>;
}

interface OpenApiDocument {
  readonly paths?: Record<string, { get?: { parameters?: { in?: string; name?: string; required?: boolean }[] } }>;
}

/** Whether the running app serves GET /cohorts/:id/outcomes and /costs, from its OpenAPI document. */
export async function cohortRoutes(base: string): Promise<CohortRoutes> {
  const document = await getJson<OpenApiDocument>(`${base}/docs/openapi.json`);
  const paths = Object.entries(document.paths ?? {});
  const find = (view: string) => paths.find(([path, item]) => new RegExp(`^/cohorts/\\{[^}]+\\}/${view}$`).test(path) && item.get)?.[0];
  const outcomes = find('outcomes');
  const costs = find('costs');
  const requiredQuery: Record<string, string[]> = {};
  for (const path of [outcomes, costs]) {
    if (!path) continue;
    const parameters = document.paths![path]!.get!.parameters ?? [];
    requiredQuery[path] = parameters.filter((p) => p.in === 'query' && p.required).map((p) => String(p.name));
  }
  return { outcomes, costs, requiredQuery };
}

/**
 * The reference data the synthetic persons name: their two programmes (by the generator's ids),
 * so that parcours views read the programmes' canvases as they would in production, and cohorts
 * can name Article 23.
 */
export async function defineProgrammes(base: string): Promise<void> {
  // The care service that recorded the synthetic persons: its caseworkers' token reads them.
  const organisation = await postJson(`${base}/admin/organisations`, { id: BENCH_ORGANISATION, name: 'bench care service', type: 'addiction_service', country: 'FR' });
  if (organisation.status !== 201) throw new Error(`POST /admin/organisations: ${organisation.status} ${JSON.stringify(organisation.json)}`);
  for (const { programmeId, programmeName } of Object.values(SYNTHETIC_PROGRAMMES)) {
    const { status, json } = await postJson(`${base}/admin/programmes`, { id: programmeId, name: programmeName });
    if (status !== 201 && status !== 200) throw new Error(`POST /admin/programmes ${programmeName}: ${status} ${JSON.stringify(json)}`);
  }
}

/** A cohort of everyone who entered Article 23 (entry rule programme_entry); returns its id. */
export async function defineArticle23Cohort(base: string): Promise<string> {
  const { status, json } = await postJson(`${base}/admin/cohorts`, {
    name: 'bench:replay — Article 23, every entry',
    entryRule: 'programme_entry',
    programmeId: SYNTHETIC_PROGRAMMES.article23.programmeId,
  });
  if (status !== 201) throw new Error(`POST /admin/cohorts: ${status} ${JSON.stringify(json)}`);
  return (json as { id: string }).id;
}

export interface CohortTiming {
  readonly path: string;
  readonly cold: Timed;
  readonly warm: Latencies;
  readonly failures: number;
}

/** A cohort view: the first call (cold: members and summaries loaded), then `calls` warm ones. */
export async function timeCohortView(base: string, path: string, cohortId: string, calls: number): Promise<CohortTiming> {
  const url = `${base}${path.replace(/\{[^}]+\}/, cohortId)}`;
  const cold = await timedGet(url);
  const ms: number[] = [];
  let failures = cold.status === 200 ? 0 : 1;
  for (let i = 0; i < calls; i++) {
    const t = await timedGet(url);
    if (t.status !== 200) failures += 1;
    ms.push(t.ms);
  }
  return { path, cold, warm: latencies(ms), failures };
}
