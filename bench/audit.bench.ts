/**
 * What the audit trail costs (issue #7, item 6). `npm run build --silent && node dist/bench/audit.bench.js`
 *
 * 1. The trail alone on a durable SQLite file (WAL, synchronous = FULL): N concurrent callers each
 *    recording entries one after the other for a few seconds; entries per append shows the group
 *    commit at work, the latency what a request waits for its entry.
 * 2. Over HTTP, in one process: GET /persons/:id/parcours (audited) from 64 keep-alive connections,
 *    with the trail, then with AuditTrail.record made a no-op, alternately; the difference is the
 *    latency the audit adds. Client and server share the process: compare the sides, not the
 *    absolute figures with bench:api. A report, not a test.
 *
 * Options: --seconds S (5) --rounds N (4) --connections N (64) --dir PATH (os tmpdir; put it on the disk you will use)
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SqliteEventStore } from '@parcours/event-store';
import { v7 as uuidv7 } from 'uuid';
import { AuditTrail } from '../apps/api/src/audit/audit-trail.js';
import type { AuditEntry } from '../apps/api/src/audit/audit-entry.js';
import { mintToken } from '../apps/api/src/auth/tokens.js';
import { createApp } from '../apps/api/src/bootstrap.js';
import { loadConfig } from '../apps/api/src/config/app-config.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, rounds: { type: 'string', default: '4' }, connections: { type: 'string', default: '64' }, dir: { type: 'string', default: tmpdir() } } });
const seconds = Number(values.seconds);
const autocannon = createRequire(import.meta.url)('autocannon') as (o: object) => Promise<{ requests: { average: number }; latency: Record<string, number>; non2xx: number; errors: number }>;
const dir = mkdtempSync(join(values.dir, 'parcours-audit-bench-'));

const entry = (n: number): AuditEntry => ({
  action: 'person.parcours.read', sub: `bench.${n % 50}`, role: 'caseworker', organisationId: null, method: 'GET', route: '/persons/:id/parcours',
  personId: uuidv7(), params: {}, query: { asLivedAt: '2010' }, purpose: 'care follow-up', purposeDeclared: false, requestId: uuidv7(), status: 200, outcome: 'served',
});

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function trailAlone(concurrency: number): Promise<string> {
  const store = new SqliteEventStore({ filename: join(dir, `trail-${concurrency}.sqlite`), synchronous: 'FULL' });
  const trail = new AuditTrail(store, () => new Date(), uuidv7);
  const ms: number[] = [];
  const end = performance.now() + 3000;
  let n = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const started = performance.now();
      await trail.record(entry(n++));
      ms.push(performance.now() - started);
    }
  }));
  await store.close();
  ms.sort((a, b) => a - b);
  return `${String(concurrency).padStart(3)} callers: ${(ms.length / 3).toFixed(0).padStart(6)} entries/s, ${(trail.stats.entries / trail.stats.appends).toFixed(1).padStart(5)} entries per append, latency p50 ${pct(ms, 50).toFixed(2)} ms, p99 ${pct(ms, 99).toFixed(2)} ms`;
}

async function overHttp(): Promise<void> {
  const secret = 'bench-audit-' + uuidv7();
  const config = loadConfig({ PARCOURS_DB: join(dir, 'api.sqlite'), LOG_LEVEL: 'warn', PARCOURS_JWT_SECRET: secret, PARCOURS_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'), PARCOURS_RATE_LIMIT: '0' }, []);
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const authorization = `Bearer ${await mintToken({ role: 'caseworker', sub: 'bench.caseworker', organisationId: uuidv7() }, { secret, issuer: 'parcours', audience: 'parcours-api' })}`;
  const headers = { authorization, 'content-type': 'application/json' };
  const person = (await (await fetch(`${base}/persons`, { method: 'POST', headers, body: JSON.stringify({ pseudonym: 'B', birthYear: 1980, occurredAt: '2010', provenance: 'interview' }) })).json()) as { id: string; position: string };
  const path = `/persons/${person.id}/parcours?minPosition=${person.position}`;
  const trail = app.get(AuditTrail);
  const record = trail.record.bind(trail);
  // Warm-up (JIT, caches, the projection's statements), not measured.
  await autocannon({ url: base + path, connections: Number(values.connections), duration: 2, headers: { authorization } });
  for (let round = 0; round < Number(values.rounds); round++) {
    // Sides alternate who goes first: the machine's load drifts.
    for (const audited of round % 2 === 0 ? [false, true] : [true, false]) {
      trail.record = audited ? record : async () => undefined;
      const before = { ...trail.stats };
      const r = await autocannon({ url: base + path, connections: Number(values.connections), duration: seconds, headers: { authorization } });
      const perAppend = audited ? ((trail.stats.entries - before.entries) / Math.max(1, trail.stats.appends - before.appends)).toFixed(1) : '-';
      console.log(`  round ${round + 1}, audit ${audited ? 'on ' : 'off'}: ${r.requests.average.toFixed(0)} req/s, latency p50 ${r.latency['p50']} ms, p97.5 ${r.latency['p97_5']} ms, p99 ${r.latency['p99']} ms, non-2xx ${r.non2xx}, entries per append ${perAppend}`);
    }
  }
  // Requests autocannon abandoned at the end are still being answered: let them finish first.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await app.close();
}

console.log('The audit trail alone (SQLite, synchronous = FULL), 3 s per line:');
for (const concurrency of [1, 8, 64]) console.log('  ' + (await trailAlone(concurrency)));
console.log(`GET /persons/:id/parcours over HTTP, ${values.connections} connections, ${seconds} s per side:`);
await overHttp();
rmSync(dir, { recursive: true, force: true });
