import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { CARE_ORG } from '../support/auth.js';
import { countEvents, startTestApp, type TestApp, type UsualCaller } from '../support/test-app.js';
import { storeKindsUnderTest } from '../support/store-kinds.js';

describe.each(storeKindsUnderTest())('persons API on the %s store', (kind) => {
  let t: TestApp;
  let http: UsualCaller;
  beforeAll(async () => {
    t = await startTestApp(kind);
    http = t.http;
  });
  afterAll(async () => t?.close());

  const register = async (body: Record<string, unknown> = { pseudonym: 'Chris', birthYear: 1980, gender: 'male', occurredAt: '2003', provenance: 'interview' }) => {
    const res = await http.post('/persons').send(body).expect(201);
    return res.body.id as string;
  };
  const careStart = (episodeId = uuidv7()) => ({ type: 'CareEpisodeStarted', occurredAt: '2003', provenance: 'interview', data: { episodeId, setting: 'addiction_outpatient' } });

  describe('POST /persons', () => {
    it('registers a person: 201 with the id, a Location header and an ETag', async () => {
      const res = await http.post('/persons').send({ pseudonym: 'Chris', birthYear: 1980, occurredAt: '2003', provenance: 'interview' }).expect(201);
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers['location']).toBe(`/persons/${res.body.id}`);
      expect(res.headers['etag']).toBe('"0"');
      expect(res.headers['x-request-id']).toBeTruthy();
    });

    it('answers 400 naming every field and rule, and writes nothing', async () => {
      const before = await countEvents(t.store);
      const res = await http.post('/persons').send({ birthYear: 'old', gender: 'robot', nickname: 'x' }).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      const fields = res.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`);
      expect(fields).toEqual(expect.arrayContaining(['pseudonym:isString', 'birthYear:isInt', 'gender:isIn', 'nickname:unknownField']));
      expect(await countEvents(t.store)).toBe(before);
    });

    it('is idempotent with a client-chosen id and event id', async () => {
      const body = { id: uuidv7(), eventId: uuidv7(), pseudonym: 'Sam', occurredAt: '2010', provenance: 'service_record' };
      const first = await http.post('/persons').send(body).expect(201);
      const again = await http.post('/persons').send(body).expect(201);
      expect(again.body).toEqual({ ...first.body, replayed: true });
      const events = await http.get(`/persons/${body.id}/events`).expect(200);
      expect(events.body.events).toHaveLength(1);
    });
  });

  describe('POST /persons/:id/events', () => {
    it('appends: 201 with revision, position and ETag; the history shows valid and recorded time', async () => {
      const id = await register();
      const res = await http.post(`/persons/${id}/events`).send(careStart()).expect(201);
      expect(res.body).toMatchObject({ personId: id, revision: 1, replayed: false });
      expect(res.body.position).toMatch(/^[0-9a-f]{16}-[0-9a-f]{16}$/);
      expect(res.headers['etag']).toBe('"1"');
      const history = await http.get(`/persons/${id}/events`).expect(200);
      expect(history.headers['etag']).toBe('"1"');
      expect(history.body.events[1]).toMatchObject({
        type: 'CareEpisodeStarted',
        validTime: { edtf: '2003', lower: '2003-01-01T00:00:00.000Z', upper: '2003-12-31T23:59:59.999Z', precision: 'year' },
        data: { setting: 'addiction_outpatient' },
      });
      expect(Date.parse(history.body.events[1].recordedAt)).not.toBeNaN();
    });

    it('returns the first result for the same eventId, writing nothing twice', async () => {
      const id = await register();
      const body = { ...careStart(), eventId: uuidv7() };
      const first = await http.post(`/persons/${id}/events`).send(body).expect(201);
      await http.post(`/persons/${id}/events`).send(careStart()).expect(201); // someone else writes
      const again = await http.post(`/persons/${id}/events`).send(body).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect({ ...again.body, replayed: false }).toEqual(first.body);
      const history = await http.get(`/persons/${id}/events`).expect(200);
      expect(history.body.events).toHaveLength(3);
    });

    it('refuses an eventId reused for different content with 409', async () => {
      const id = await register();
      const eventId = uuidv7();
      await http.post(`/persons/${id}/events`).send({ ...careStart(), eventId }).expect(201);
      const res = await http.post(`/persons/${id}/events`).send({ ...careStart(), eventId }).expect(409);
      expect(res.body.code).toBe('EVENT_ID_CONFLICT');
    });

    it('honours If-Match: 201 when it matches, 412 with expected and actual when stale', async () => {
      const id = await register();
      await http.post(`/persons/${id}/events`).set('If-Match', '"0"').send(careStart()).expect(201);
      const before = await countEvents(t.store);
      const res = await http.post(`/persons/${id}/events`).set('If-Match', '"0"').send(careStart()).expect(412);
      expect(res.body).toMatchObject({ code: 'REVISION_MISMATCH', details: { expected: 0, actual: 1 } });
      expect(await countEvents(t.store)).toBe(before);
      const bad = await http.post(`/persons/${id}/events`).set('If-Match', 'yesterday').send(careStart()).expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'If-Match' });
    });

    it('answers 400 for an invalid EDTF date, naming occurredAt and the accepted forms', async () => {
      const id = await register();
      const res = await http.post(`/persons/${id}/events`).send({ ...careStart(), occurredAt: 'early 2009' }).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'occurredAt', message: expect.stringMatching(/2009-40/) })]);
    });

    it('answers 400 for an unknown type and for bad data, with field paths', async () => {
      const id = await register();
      const unknownType = await http.post(`/persons/${id}/events`).send({ type: 'Teleported', occurredAt: '2003', provenance: 'interview', data: {} }).expect(400);
      expect(unknownType.body.errors[0]).toMatchObject({ field: 'type', rule: 'isIn' });
      const badData = await http
        .post(`/persons/${id}/events`)
        .send({ type: 'CareEpisodeStarted', occurredAt: '2003', provenance: 'interview', data: { episodeId: 'nope', setting: 'spa', colour: 'red' } })
        .expect(400);
      const fields = badData.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['data.episodeId', 'data.setting', 'data']));
    });

    it('answers 422 naming the broken domain rule, and writes nothing', async () => {
      const id = await register();
      const before = await countEvents(t.store);
      const res = await http
        .post(`/persons/${id}/events`)
        .send({ type: 'CareEpisodeEnded', occurredAt: '2005', provenance: 'interview', data: { episodeId: uuidv7() } })
        .expect(422);
      expect(res.body).toMatchObject({ statusCode: 422, code: 'EPISODE_NOT_STARTED' });
      expect(await countEvents(t.store)).toBe(before);
    });

    it('answers 404 for a person that does not exist and 400 for an id that is not one', async () => {
      await http.post(`/persons/${uuidv7()}/events`).send(careStart()).expect(404);
      await http.get(`/persons/${uuidv7()}/events`).expect(404);
      const res = await http.get('/persons/not-an-id/events').expect(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'id' });
    });

    it('answers 415 for a body that is not JSON, 400 for broken JSON, 413 for a huge body', async () => {
      const id = await register();
      await http.post(`/persons/${id}/events`).set('content-type', 'text/plain').send('hello').expect(415);
      await http.post(`/persons/${id}/events`).set('content-type', 'application/json').send('{"type":').expect(400);
      const huge = { ...careStart(), data: { episodeId: uuidv7(), setting: 'residential', pad: 'x'.repeat(t.config.bodyLimit) } };
      await http.post(`/persons/${id}/events`).send(huge).expect(413);
    });
  });

  describe('provenance, recorder, corrections', () => {
    it('requires provenance, naming the field', async () => {
      const id = await register();
      const { provenance: _, ...withoutProvenance } = careStart();
      const res = await http.post(`/persons/${id}/events`).send(withoutProvenance).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'provenance', rule: 'isIn' })]);
    });

    it('records who recorded the fact from the token (sub, org): X-User-Id and X-Organisation-Id headers change nothing', async () => {
      const id = await register();
      await http.post(`/persons/${id}/events`).set('X-User-Id', 'cw.marie').set('X-Organisation-Id', uuidv7()).send(careStart()).expect(201);
      const history = await http.get(`/persons/${id}/events`).expect(200);
      expect(history.body.events[1].metadata.recordedBy).toEqual({ userId: 'test.caseworker', organisationId: CARE_ORG });
    });

    it('corrects and retracts without editing in place: the history shows both', async () => {
      const id = await register();
      const start = careStart();
      const created = await http.post(`/persons/${id}/events`).send(start).expect(201);
      const targetEventId = created.body.eventIds[0];
      await http
        .post(`/persons/${id}/events`)
        .send({
          type: 'EventCorrected',
          occurredAt: '2012-11',
          provenance: 'service_record',
          data: { targetEventId, replacement: { ...start.data, occurredAt: '2003-09', provenance: 'service_record' }, reason: 'record found' },
        })
        .expect(201);
      const bad = await http
        .post(`/persons/${id}/events`)
        .send({ type: 'EventCorrected', occurredAt: '2012-11', provenance: 'interview', data: { targetEventId, replacement: { occurredAt: '2003' }, reason: 'x' } })
        .expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['data.replacement.provenance']));
      await http
        .post(`/persons/${id}/events`)
        .send({ type: 'EventRetracted', occurredAt: '2012-12', provenance: 'interview', data: { targetEventId, reason: 'wrong person' } })
        .expect(201);
      const again = await http
        .post(`/persons/${id}/events`)
        .send({ type: 'EventRetracted', occurredAt: '2012-12', provenance: 'interview', data: { targetEventId, reason: 'twice' } })
        .expect(422);
      expect(again.body.code).toBe('TARGET_RETRACTED');
      const history = await http.get(`/persons/${id}/events`).expect(200);
      expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['PersonRegistered', 'CareEpisodeStarted', 'EventCorrected', 'EventRetracted']);
      expect(history.body.events[1].validTime.edtf).toBe('2003');
    });
  });

  describe('POST /persons/:id/events/batch', () => {
    it('appends several events atomically; one bad event writes none', async () => {
      const id = await register();
      const episodeId = uuidv7();
      const ok = await http
        .post(`/persons/${id}/events/batch`)
        .send({ events: [careStart(episodeId), { type: 'CareEpisodeEnded', occurredAt: '2004', provenance: 'interview', data: { episodeId } }] })
        .expect(201);
      expect(ok.body.revision).toBe(2);
      const before = await countEvents(t.store);
      const bad = await http
        .post(`/persons/${id}/events/batch`)
        .send({ events: [careStart(), { type: 'CareEpisodeStarted', occurredAt: '20O4', provenance: 'interview', data: { episodeId: uuidv7(), setting: 'residential' } }] })
        .expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'events.1.occurredAt' });
      expect(await countEvents(t.store)).toBe(before);
    });
  });

  describe('operations', () => {
    it('GET /health reports the store up', async () => {
      const res = await http.get('/health').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', info: { eventStore: { status: 'up', kind } } });
    });

    it('serves OpenAPI at /docs', async () => {
      await http.get('/docs').expect(200);
      const doc = await http.get('/docs/openapi.json').expect(200);
      expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/persons', '/persons/{id}/events', '/health']));
      const hired = doc.body.components.schemas['PersonEvent.Hired'];
      expect(hired.properties.data.properties).toHaveProperty('employer');
      expect(hired.example).toMatchObject({ type: 'Hired', occurredAt: expect.any(String), data: { employer: expect.any(Object) } });
      const body = doc.body.paths['/persons/{id}/events'].post.requestBody.content['application/json'].schema;
      expect(body.oneOf.length).toBeGreaterThanOrEqual(46);
    });

    it('keeps a caller request id', async () => {
      const res = await http.get('/health').set('x-request-id', 'trace-123').expect(200);
      expect(res.headers['x-request-id']).toBe('trace-123');
    });

    it('answers unknown routes with the error body', async () => {
      const res = await http.get('/nowhere').expect(404);
      expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    });
  });
});
