import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventStore } from '@parcours/event-store';
import { v7 as uuidv7 } from 'uuid';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/tokens.js';
import { CARE_ORG } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Agent = Awaited<ReturnType<TestApp['as']>>;
interface Entry extends Record<string, unknown> {
  revision: number;
  recordedAt: string;
  type: string;
}

/** Every read of an individual's data and every export leaves an entry in the day's audit stream (issue #7, item 6). */
describe('the audit trail (GET /admin/audit)', () => {
  let t: TestApp;
  let caseworker: Agent;
  let researcher: Agent;
  let admin: Agent;
  let personId: string;
  let position: string;
  const cohortId = uuidv7();
  const today = () => new Date().toISOString().slice(0, 10);
  const trail = async (query: Record<string, string | number> = {}): Promise<Entry[]> => (await admin.get('/admin/audit').query(query).expect(200)).body.entries;
  const entryOf = async (requestId: string) => (await trail({ limit: 1000 })).find((e) => e['requestId'] === requestId);

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    [caseworker, researcher, admin] = await Promise.all([t.as('caseworker'), t.as('researcher'), t.as('admin')]);
    const registered = await caseworker.post('/persons').send({ pseudonym: 'Audited', birthYear: 1980, occurredAt: '2010-01-10', provenance: 'interview' }).expect(201);
    personId = registered.body.id;
    position = registered.body.position;
    await admin.post('/admin/cohorts').send({ id: cohortId, name: 'Audit cohort', entryRule: 'first_contact', entryFrom: '2010', entryTo: '2010', cutoff: '2011-06' }).expect(201);
  });
  afterAll(async () => t?.close());

  it('records a parcours read before answering: who, what, when, why, and the outcome', async () => {
    const before = Date.now();
    const res = await caseworker.get(`/persons/${personId}/parcours`).query({ asLivedAt: '2010', minPosition: position }).set('X-Purpose', 'case review before the meeting').expect(200);
    const entry = await entryOf(res.headers['x-request-id'] as string);
    expect(entry).toMatchObject({
      type: 'PersonDataRead',
      action: 'person.parcours.read',
      sub: 'test.caseworker',
      role: 'caseworker',
      organisationId: CARE_ORG,
      method: 'GET',
      route: '/persons/:id/parcours',
      personId,
      query: { asLivedAt: '2010', minPosition: position },
      purpose: 'case review before the meeting',
      purposeDeclared: true,
      status: 200,
      outcome: 'served',
    });
    const at = Date.parse(entry!.recordedAt);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('records history and replay reads too, with the role default as purpose when none is given', async () => {
    const history = await caseworker.get(`/persons/${personId}/events`).expect(200);
    const replay = await caseworker.get(`/persons/${personId}/replay`).expect(200);
    for (const [res, action, route] of [
      [history, 'person.events.read', '/persons/:id/events'],
      [replay, 'person.replay.read', '/persons/:id/replay'],
    ] as const) {
      expect(await entryOf(res.headers['x-request-id'] as string)).toMatchObject({ action, route, personId, purpose: 'care follow-up', purposeDeclared: false, outcome: 'served' });
    }
  });

  it('records an export with the cohort, the file and the project', async () => {
    const res = await researcher.get(`/cohorts/${cohortId}/exports/persons.csv`).query({ project: 'alpha' }).expect(200);
    expect(await entryOf(res.headers['x-request-id'] as string)).toMatchObject({
      type: 'ResearchExportRead',
      action: 'cohort.export.read',
      sub: 'test.researcher',
      role: 'researcher',
      cohortId,
      params: { file: 'persons.csv' },
      query: { project: 'alpha' },
      purpose: 'research',
      status: 200,
    });
  });

  it('records refused reads with their status, and refuses a malformed X-Purpose (400 naming it) without recording', async () => {
    const unknown = uuidv7();
    const missing = await caseworker.get(`/persons/${unknown}/parcours`);
    expect(missing.status).toBe(404);
    expect(await entryOf(missing.headers['x-request-id'] as string)).toMatchObject({ personId: unknown, status: 404, outcome: 'refused' });

    const bad = await caseworker.get(`/persons/${personId}/parcours`).set('X-Purpose', 'x'.repeat(201)).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'X-Purpose', rule: 'printable' })]);
    expect(JSON.stringify(bad.body)).not.toContain('Audited');
    expect(await entryOf(bad.headers['x-request-id'] as string)).toBeUndefined();
  });

  it('filters by person and by user, and pages by revision', async () => {
    await caseworker.get(`/persons/${personId}/events`).set('X-Purpose', 'p1').expect(200);
    await researcher.get(`/cohorts/${cohortId}/exports/spells.json`).query({ project: 'alpha' }).expect(200);
    const ofPerson = await trail({ personId });
    expect(ofPerson.length).toBeGreaterThanOrEqual(4);
    expect(ofPerson.every((e) => e['personId'] === personId)).toBe(true);
    const byResearcher = await trail({ sub: 'test.researcher' });
    expect(byResearcher.map((e) => e['action'])).toEqual(['cohort.export.read', 'cohort.export.read']);

    const all = await trail({ date: today(), limit: 1000 });
    const first = await admin.get('/admin/audit').query({ limit: 2 }).expect(200);
    expect(first.body).toMatchObject({ date: today(), nextRevision: 2 });
    expect(first.body.entries.map((e: Entry) => e.revision)).toEqual([0, 1]);
    const second = await admin.get('/admin/audit').query({ limit: 2, fromRevision: 2 }).expect(200);
    expect(second.body.entries.map((e: Entry) => e.requestId)).toEqual(all.slice(2, 4).map((e) => e['requestId']));
    expect((await admin.get('/admin/audit').query({ date: '2001-01-01' }).expect(200)).body).toEqual({ date: '2001-01-01', entries: [], nextRevision: null });
  });

  it('records its own reads: who looked at whose accesses', async () => {
    const res = await admin.get('/admin/audit').query({ personId }).set('X-Purpose', 'data protection officer request').expect(200);
    expect(await entryOf(res.headers['x-request-id'] as string)).toMatchObject({
      type: 'AuditTrailRead',
      action: 'audit.read',
      sub: 'test.admin',
      role: 'admin',
      route: '/admin/audit',
      query: { personId },
      purpose: 'data protection officer request',
    });
  });

  it.each([
    [{ date: '2026-02-30' }, 'date'],
    [{ date: '1 March 2026' }, 'date'],
    [{ personId: 'chris' }, 'personId'],
    [{ sub: 'a b' }, 'sub'],
    [{ limit: 0 }, 'limit'],
    [{ limit: 1001 }, 'limit'],
    [{ fromRevision: -1 }, 'fromRevision'],
    [{ who: 'x' }, 'who'],
  ])('answers 400 to %j, naming %s', async (query, field) => {
    const res = await admin.get('/admin/audit').query(query).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))]).toEqual([field]);
  });

  it('is for admins only', async () => {
    for (const role of ['caseworker', 'researcher', 'evaluator'] as const) {
      const res = await (await t.as(role)).get('/admin/audit').expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
  });

  it('is not read as person events: the projections stay healthy and the parcours unchanged', async () => {
    const parcours = (await caseworker.get(`/persons/${personId}/parcours`).query({ asLivedAt: '2011' }).expect(200)).body;
    // Wait until every projection has gone past the audit entries written so far.
    let status: { name: string; state: string; lagEvents: number | null; lastError?: unknown }[] = [];
    for (let attempt = 0; attempt < 100; attempt++) {
      status = (await admin.get('/admin/projections').expect(200)).body.projections;
      if (status.every((p) => p.lagEvents === 0)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status.length).toBeGreaterThan(0);
    for (const projection of status) expect(projection).toMatchObject({ state: 'live', lagEvents: 0 });
    for (const projection of status) expect(projection.lastError).toBeUndefined();
    expect((await caseworker.get(`/persons/${personId}/parcours`).query({ asLivedAt: '2011' }).expect(200)).body).toEqual(parcours);
  });

  it('fails closed: when the audit stream cannot be written, the caller gets 503 and none of the data', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const append = store.append.bind(store);
    store.append = async (streamId, events, expected) => {
      if (streamId.startsWith('audit-')) throw new Error('SQLITE_FULL: database or disk is full');
      return append(streamId, events, expected);
    };
    try {
      for (const [agent, path] of [
        [caseworker, `/persons/${personId}/parcours`],
        [caseworker, `/persons/${personId}/events`],
        [caseworker, `/persons/${personId}/replay`],
        [researcher, `/cohorts/${cohortId}/exports/persons.csv?project=alpha`],
      ] as const) {
        const res = await agent.get(path);
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({ statusCode: 503, code: 'AUDIT_UNAVAILABLE' });
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(res.headers['content-disposition']).toBeUndefined();
        expect(res.text).not.toMatch(/Audited|PersonRegistered|SQLITE_FULL/);
      }
      // Routes that are not audited keep working.
      await t.as('evaluator').then((evaluator) => evaluator.get(`/admin/cohorts/${cohortId}`).expect(200));
    } finally {
      store.append = append;
    }
    await caseworker.get(`/persons/${personId}/parcours`).expect(200);
  });
});
