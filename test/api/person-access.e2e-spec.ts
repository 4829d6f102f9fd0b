import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { JOB_ORG } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Object-level rules beyond the role matrix (docs/security.md): caseload by organisation, clinical
 * events hidden from job-side organisations without care-sharing consent, research views only
 * with research consent, pseudonymised, and consent honoured from the moment it is recorded.
 */
type Agent = Awaited<ReturnType<TestApp['as']>>;

describe('person-level access rules', () => {
  let t: TestApp;
  let care: Agent;
  let job: Agent;
  let researcher: Agent;

  const ev = (type: string, data: object, extra: object = {}) => ({ type, occurredAt: '2010', provenance: 'interview', data, ...extra });

  /** A person registered by the care service, referred to the workshop, with a clinical episode and a note. */
  async function personReferredToWorkshop(): Promise<{ id: string; careEventId: string }> {
    const id = (await care.post('/persons').send({ pseudonym: 'Alex', provenance: 'interview', identity: { firstName: 'Alexandra' } }).expect(201)).body.id as string;
    const careEventId = uuidv7();
    await care
      .post(`/persons/${id}/events/batch`)
      .send({
        events: [
          ev('CareEpisodeStarted', { episodeId: uuidv7(), setting: 'addiction_outpatient' }, { eventId: careEventId, note: 'methadone 60 mg' }),
          ev('ReferralMade', { referralId: uuidv7(), from: { name: 'CSAPA' }, to: { organisationId: JOB_ORG }, initiator: 'professional' }),
        ],
      })
      .expect(201);
    return { id, careEventId };
  }

  beforeAll(async () => {
    t = await startTestApp();
    care = await t.as('caseworker');
    job = await t.as('caseworker', { org: JOB_ORG, sub: 'test.jobcoach' });
    researcher = await t.as('researcher');
  });
  afterAll(async () => t?.close());

  it('lets a workshop reach a person once referred to it, without the clinical events', async () => {
    const { id } = await personReferredToWorkshop();
    const history = (await job.get(`/persons/${id}/events`).expect(200)).body;
    expect(history.events.map((e: { type: string }) => e.type)).toEqual(['PersonRegistered', 'ReferralMade']);
    expect(JSON.stringify(history)).not.toContain('methadone');
    const parcours = (await job.get(`/persons/${id}/parcours`).expect(200)).body;
    expect(JSON.stringify(parcours)).not.toMatch(/CareEpisodeStarted|methadone/);
    const replay = (await job.get(`/persons/${id}/replay`).expect(200)).text;
    expect(replay).not.toMatch(/CareEpisodeStarted|methadone/);
    expect(replay.trim().split('\n')).toHaveLength(2);
    // The care service itself sees everything.
    const full = (await care.get(`/persons/${id}/events`).expect(200)).body;
    expect(full.events.map((e: { type: string }) => e.type)).toContain('CareEpisodeStarted');
  });

  it('refuses the workshop a correction or retraction of a clinical event it cannot see', async () => {
    const { id, careEventId } = await personReferredToWorkshop();
    const res = await job
      .post(`/persons/${id}/events`)
      .send({ type: 'EventRetracted', occurredAt: '2012', provenance: 'service_record', data: { targetEventId: careEventId, reason: 'not ours' } })
      .expect(403);
    expect(res.body.message).toMatch(/clinical events/);
  });

  it('shows clinical events to the workshop from the moment care sharing is consented, and hides them again once withdrawn', async () => {
    const { id } = await personReferredToWorkshop();
    await care.post(`/persons/${id}/events`).send(ev('ConsentRecorded', { scope: 'care_sharing' })).expect(201);
    const shared = (await job.get(`/persons/${id}/events`).expect(200)).body.events.map((e: { type: string }) => e.type);
    expect(shared).toContain('CareEpisodeStarted');
    await care.post(`/persons/${id}/events`).send(ev('ConsentWithdrawn', { scope: 'care_sharing' })).expect(201);
    const hidden = (await job.get(`/persons/${id}/events`).expect(200)).body.events.map((e: { type: string }) => e.type);
    expect(hidden).not.toContain('CareEpisodeStarted');
  });

  it('gives researchers nothing without research consent, and a pseudonymised view with it', async () => {
    const { id } = await personReferredToWorkshop();
    const refused = await researcher.get(`/persons/${id}/parcours`).expect(403);
    expect(refused.body.message).toMatch(/research/);
    await researcher.get(`/persons/${id}/events`).expect(403);
    await care.post(`/persons/${id}/events`).send(ev('ConsentRecorded', { scope: 'research' }, { note: 'signed form kept at the CSAPA' })).expect(201);
    const outputs = [
      JSON.stringify((await researcher.get(`/persons/${id}/events`).expect(200)).body),
      JSON.stringify((await researcher.get(`/persons/${id}/parcours`).expect(200)).body),
      (await researcher.get(`/persons/${id}/replay`).expect(200)).text,
    ];
    for (const output of outputs) {
      expect(output).toContain('CareEpisodeStarted');
      expect(output).not.toMatch(/Alexandra|methadone|signed form|test\.caseworker/);
    }
  });

  it('honours a withdrawal of research consent at once, including for views as known before it', async () => {
    const { id } = await personReferredToWorkshop();
    await care.post(`/persons/${id}/events`).send(ev('ConsentRecorded', { scope: 'research' })).expect(201);
    const before = new Date().toISOString();
    await researcher.get(`/persons/${id}/parcours`).expect(200);
    await care.post(`/persons/${id}/events`).send(ev('ConsentWithdrawn', { scope: 'research' })).expect(201);
    await researcher.get(`/persons/${id}/parcours`).expect(403);
    await researcher.get(`/persons/${id}/parcours?asKnownAt=${encodeURIComponent(before)}`).expect(403);
    await researcher.get(`/persons/${id}/replay?asKnownAt=${encodeURIComponent(before)}`).expect(403);
  });

  it('records who recorded an event from the token, not from headers', async () => {
    const { id } = await personReferredToWorkshop();
    await care.post(`/persons/${id}/events`).set('X-User-Id', 'someone.else').set('X-Organisation-Id', JOB_ORG).send(ev('FollowUpResumed', {})).expect(201);
    const events = (await care.get(`/persons/${id}/events`).expect(200)).body.events as { type: string; metadata: { recordedBy: unknown } }[];
    expect(events.at(-1)!.metadata.recordedBy).toEqual({ userId: 'test.caseworker', organisationId: '018f0000-0000-7000-8000-0000000c5a9a' });
  });

  it('refuses tokens that are expired, forged, or of an unknown role, with 401 and a reason', async () => {
    const expired = await t.as('caseworker', { ttlSeconds: -10 });
    expect((await expired.get('/admin/projections').expect(401)).body.message).toMatch(/expired/);
    const forged = (await t.as('admin')).set('Authorization', `Bearer ${'eyJhbGciOiJIUzI1NiJ9'}.${Buffer.from('{"sub":"x","role":"admin","exp":9999999999}').toString('base64url')}.c2lnbmF0dXJl`);
    expect((await forged.get('/admin/projections').expect(401)).body.message).toMatch(/signature|claim|malformed/);
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x","role":"admin"}').toString('base64url')}.`;
    expect((await t.http.get('/admin/projections').set('Authorization', `Bearer ${none}`).expect(401)).body.code).toBe('UNAUTHENTICATED');
  });
});
