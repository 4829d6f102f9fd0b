import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventStore, Position } from '@parcours/event-store';
import fc from 'fast-check';
import request from 'supertest';
import type { Role } from '../../apps/api/src/auth/principal.js';
import { loadDemoData } from '../../apps/api/src/demo/load-demo-data.js';
import { ACCESS_MATRIX, DEMO_COHORT } from '../support/access-matrix.js';
import { bearer, JOB_ORG } from '../support/auth.js';
import { CHRIS_ID } from '../support/chris.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue #9, fuzzing: thousands of random and malformed requests across every route. Whatever
 * comes in, no 5xx; every 4xx says what is wrong (code and message); and a rejected request
 * leaves the store as it was (only audit entries — reads are recorded — may follow it).
 */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2000);
const ROLES: readonly Role[] = ['caseworker', 'researcher', 'evaluator', 'admin'];

/** Values a path segment can take: real ids, made-up ids, and things that are not ids at all. */
const segment = fc.oneof(
  fc.constantFrom(CHRIS_ID, DEMO_COHORT, JOB_ORG, '00000000-0000-0000-0000-000000000000', 'persons.csv', 'spells.json', '..', '%2e%2e%2f', '%00', 'null'),
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
);

/** Bodies: well-formed ones from the matrix mutated, random JSON, and bytes that are not JSON. */
const jsonValue = fc.jsonValue({ maxDepth: 4 });
const body = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...Object.values(ACCESS_MATRIX)), fc.string(), jsonValue).map(([rule, key, value]) => mutate(rule, key, value)) },
  { weight: 2, arbitrary: jsonValue.map((value) => ({ kind: 'json' as const, value })) },
  { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constantFrom('{"type":', '[1,2', '\u0000', '{"a":1}{"b":2}', 'x'.repeat(2000))).map((raw) => ({ kind: 'raw' as const, raw })) },
);

const query = fc.dictionary(
  fc.constantFrom('minPosition', 'asLivedAt', 'asKnownAt', 'fromRevision', 'limit', 'groupBy', 'project', 'date', 'personId', 'sub', 'maxWaitMs', 'x'),
  fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('2009', '2026-01-01T00:00:00Z', '-1', '1e309', '0000000000000001-0000000000000001', '[object Object]')),
  { maxKeys: 3 },
);

function mutate(rule: (typeof ACCESS_MATRIX)[string], key: string, value: unknown) {
  const seed = rule.call({ person: CHRIS_ID, cohort: DEMO_COHORT, organisation: JOB_ORG, programme: CHRIS_ID, tariff: CHRIS_ID }).body ?? {};
  const keys = Object.keys(seed);
  const target = keys.length && key.length % 2 === 0 ? keys[key.length % keys.length]! : key;
  return { kind: 'json' as const, value: { ...seed, [target]: value } };
}

describe('fuzzing every route', () => {
  let t: TestApp;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp('sqlite', { PARCOURS_RATE_LIMIT: '0' });
    await loadDemoData(t.app);
    for (const role of ROLES) tokens.set(role, await bearer(role));
    tokens.set('jobcoach', await bearer('caseworker', { org: JOB_ORG }));
    tokens.set('garbage', 'Bearer not.a.token');
  });
  afterAll(async () => t?.close());

  it(`answers ${RUNS} random requests without a 5xx, with a reason for every 4xx, writing nothing when it refuses`, async () => {
    const routes = Object.keys(ACCESS_MATRIX);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.array(segment, { minLength: 3, maxLength: 3 }), query, body, fc.constantFrom(...tokens.keys(), 'none'), async (route, segments, params, payload, caller) => {
        const [method, template] = route.split(' ') as [string, string];
        let i = 0;
        const path = template.replace(/:[a-zA-Z]+/g, () => segments[i++]!);
        const before = await t.store.headPosition();
        let req = request(t.app.getHttpServer())[method.toLowerCase() as 'post'](path).query(params);
        if (caller !== 'none') req = req.set('Authorization', tokens.get(caller)!);
        const res = await req.set('content-type', 'application/json').send(payload.kind === 'raw' ? payload.raw : JSON.stringify(payload.value));
        expect({ route, path, status: res.status, body: res.status >= 500 ? res.body : null }).toMatchObject({ status: expect.any(Number) });
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          expect(typeof res.body.code).toBe('string');
          expect(String(res.body.message ?? '').length).toBeGreaterThan(0);
          expect(JSON.stringify(res.body)).not.toMatch(/\n\s+at |node_modules/);
          expect(await nonAuditEventsSince(t.store, before)).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: Number(process.env['FUZZ_SEED'] ?? 20261122) },
    );
  });
});

/** Streams written after a position, audit streams aside (reads are audited, refusals write nothing else). */
async function nonAuditEventsSince(store: EventStore, before: Position): Promise<string[]> {
  const written: string[] = [];
  for await (const event of store.readAll({ fromPosition: before })) {
    if (event.position === before) continue;
    if (!event.streamId.startsWith('audit-')) written.push(`${event.streamId} ${event.type}`);
  }
  return written;
}
