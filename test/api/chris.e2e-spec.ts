import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CARE_ORG } from '../support/auth.js';
import { startTestApp, type TestApp, type UsualCaller } from '../support/test-app.js';
import { storeKindsUnderTest } from '../support/store-kinds.js';
import { CHRIS_ID, chrisLines } from '../support/chris.js';

describe.each(storeKindsUnderTest())("Chris's parcours through the API (%s store)", (kind) => {
  let t: TestApp;
  let http: UsualCaller;
  beforeAll(async () => {
    t = await startTestApp(kind);
    http = t.http;
  });
  afterAll(async () => t?.close());

  it('posts every event of the fixture one by one, with If-Match, and reads the same history back', async () => {
    const [registration, ...rest] = chrisLines();
    const { person: _p, type: _t, data, ...envelope } = registration!;
    const created = await http.post('/persons').send({ id: CHRIS_ID, ...envelope, ...data }).expect(201);
    let etag = created.headers['etag'] as string;
    for (const line of rest) {
      const { person: _, ...body } = line;
      const res = await http.post(`/persons/${CHRIS_ID}/events`).set('If-Match', etag).send(body);
      expect({ type: line.type, status: res.status, body: res.status === 201 ? undefined : res.body }).toEqual({ type: line.type, status: 201, body: undefined });
      etag = res.headers['etag'] as string;
    }

    const history = await http.get(`/persons/${CHRIS_ID}/events`).expect(200);
    expect(history.body.revision).toBe(rest.length);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(chrisLines().map((l) => l.type));
    expect(history.body.events.map((e: { eventId: string }) => e.eventId)).toEqual(chrisLines().map((l) => l.eventId));

    const byType = (type: string) => history.body.events.filter((e: { type: string }) => e.type === type);
    expect(byType('HospitalAdmitted').map((e: { validTime: { edtf: string } }) => e.validTime.edtf)).toEqual(['2004', '2007']);
    const crfEnd = byType('RehabilitationEnded')[1];
    expect(crfEnd).toMatchObject({ validTime: { edtf: '2009-40', lower: '2009-01-01T00:00:00.000Z', upper: '2009-06-30T23:59:59.999Z' } });
    expect(crfEnd.data).toMatchObject({ outcome: 'interrupted', reason: 'instability, absences', provenance: 'interview' });
    const relapse = byType('RelapseOccurred')[0];
    expect(relapse.data.after).toBe(chrisLines().find((l) => l.type === 'TrainingEnded')!.eventId);
    expect(relapse.metadata).toMatchObject({ recordedBy: { userId: 'test.caseworker', organisationId: CARE_ORG }, schemaVersion: 1 });
  });

  it('posts the whole fixture again as one batch: every event is a replay, nothing is written twice', async () => {
    const [, ...rest] = chrisLines();
    const res = await http
      .post(`/persons/${CHRIS_ID}/events/batch`)
      .send({ events: rest.map(({ person: _, ...body }) => body) })
      .expect(201);
    expect(res.body.replayed).toBe(true);
    const history = await http.get(`/persons/${CHRIS_ID}/events`).expect(200);
    expect(history.body.events).toHaveLength(chrisLines().length);
  });
});
