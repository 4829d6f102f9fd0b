import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from '@jest/globals';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AuditDraft, AuditEntry } from './audit-entry.js';
import { AuditUnavailableError } from './audit-errors.js';
import { installAuditHook } from './audit-send.hook.js';
import type { AuditTrail } from './audit-trail.js';

const draft: AuditDraft = {
  action: 'cohort.export.read',
  sub: 'test.researcher',
  role: 'researcher',
  organisationId: null,
  method: 'GET',
  route: '/cohorts/:id/exports/:file',
  cohortId: '018f0000-0000-7000-8000-0000000c0023',
  params: { file: 'spells.csv' },
  query: { project: 'alpha' },
  purpose: 'research',
  purposeDeclared: false,
  requestId: 'r1',
};

/** A trail that stores entries, or fails every append. */
function fakeTrail(fails: boolean) {
  const recorded: AuditEntry[] = [];
  const trail = {
    record: async (entry: AuditEntry) => {
      if (fails) throw new AuditUnavailableError(new Error('store closed'));
      recorded.push(entry);
    },
  } as unknown as AuditTrail;
  return { trail, recorded };
}

describe('the audit onSend hook', () => {
  let app: FastifyInstance;
  let pulled: number;
  let base: string;
  const get = async (url: string) => {
    const res = await fetch(base + url);
    const body = await res.text();
    return { statusCode: res.status, headers: Object.fromEntries(res.headers), body, json: () => JSON.parse(body) as unknown };
  };
  const failures: unknown[] = [];

  async function start(fails: boolean) {
    const { trail, recorded } = fakeTrail(fails);
    pulled = 0;
    app = Fastify();
    installAuditHook(app, trail, (error) => failures.push(error));
    app.get('/export', async (request, reply) => {
      request.auditDraft = draft;
      const rows = Readable.from((function* () {
        for (const row of ['id,state\n', 'P1,W\n']) {
          pulled += 1;
          yield row;
        }
      })());
      return reply.type('text/csv').header('content-disposition', 'attachment; filename="spells.csv"').header('etag', '"3"').send(rows);
    });
    app.get('/json', async (request) => {
      request.auditDraft = draft;
      return { person: 'data' };
    });
    app.get('/missing', async (request, reply) => {
      request.auditDraft = draft;
      return reply.code(404).send({ statusCode: 404, code: 'COHORT_NOT_FOUND' });
    });
    app.get('/plain', async () => ({ not: 'audited' }));
    // Over a socket: fastify.inject needs light-my-request, whose ESM-only dependency Jest cannot require.
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    return recorded;
  }

  afterEach(async () => {
    await app.close();
    failures.length = 0;
  });

  it('records the access with the status of the answer, then sends the answer', async () => {
    const recorded = await start(false);
    const csv = await get('/export');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toBe('id,state\nP1,W\n');
    await get('/missing');
    expect(recorded).toEqual([
      { ...draft, status: 200, outcome: 'served' },
      { ...draft, status: 404, outcome: 'refused' },
    ]);
  });

  it('records nothing for routes that are not audited', async () => {
    const recorded = await start(false);
    expect((await get('/plain')).json()).toEqual({ not: 'audited' });
    expect(recorded).toEqual([]);
  });

  it('when the trail fails, replaces the answer by a 503 without any of its data or headers (a stream is never read)', async () => {
    await start(true);
    for (const url of ['/export', '/json']) {
      const res = await get(url);
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers['content-disposition']).toBeUndefined();
      expect(res.headers['etag']).toBeUndefined();
      expect(res.json()).toMatchObject({ statusCode: 503, error: 'Service Unavailable', code: 'AUDIT_UNAVAILABLE' });
      expect(res.body).not.toMatch(/P1|person|data"/);
    }
    expect(pulled).toBe(0);
    expect(failures).toHaveLength(2);
  });

  it('when the trail fails on an error answer, sends that error (it holds no personal data)', async () => {
    await start(true);
    const res = await get('/missing');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ statusCode: 404, code: 'COHORT_NOT_FOUND' });
    expect(failures).toHaveLength(1);
  });
});
