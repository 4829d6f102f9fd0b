import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadDemoData } from '../../apps/api/src/demo/load-demo-data.js';
import { CHRIS_ID, chrisLines } from '../support/chris.js';
import { expectChrisParcours } from '../support/expect-chris-parcours.js';
import { storeKindsUnderTest } from '../support/store-kinds.js';
import { startTestApp, type TestApp, type UsualCaller } from '../support/test-app.js';

describe.each(storeKindsUnderTest())("Chris's parcours from the projection (%s store)", (kind) => {
  let t: TestApp;
  let http: UsualCaller;
  let head: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    http = t.http;
    await loadDemoData(t.app);
    head = await t.store.headPosition();
  });
  afterAll(async () => t?.close());

  it('GET /persons/:id/parcours shows what DOMAIN.md §9 says, once the projection has read the demo data', async () => {
    const res = await http.get(`/persons/${CHRIS_ID}/parcours`).query({ minPosition: head }).expect(200);
    expect(res.headers['x-parcours-stale']).toBeUndefined();
    expectChrisParcours(res.body);
  });

  it('as lived at 2008: no employment yet, no first hire', async () => {
    const lived = await http.get(`/persons/${CHRIS_ID}/parcours`).query({ asLivedAt: '2008', minPosition: head }).expect(200);
    expect(lived.body.asLivedAt).toBe('2008');
    expect(lived.body.lanes.employment.episodes).toEqual([]);
    expect(lived.body.indicators.firstHire).toBeNull();
  });

  it('as known at a past date: a fact recorded later is not there; read-your-writes shows it at once', async () => {
    await new Promise((r) => setTimeout(r, 5));
    const before = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const write = await http
      .post(`/persons/${CHRIS_ID}/events`)
      .send({ type: 'HousingStatusChanged', occurredAt: '2010', provenance: 'self_report', data: { status: 'own_tenancy' } })
      .expect(201);
    const now = await http.get(`/persons/${CHRIS_ID}/parcours`).query({ minPosition: write.body.position }).expect(200);
    expect(now.body.indicators.currentStatus.housing).toBe('own_tenancy');
    const then = await http.get(`/persons/${CHRIS_ID}/parcours`).query({ asKnownAt: before }).expect(200);
    expect(then.body.indicators.currentStatus.housing).toBeNull();
    expect(then.body.revision).toBe(now.body.revision - 1);
    // Both cuts together: as known then, as lived at 2008.
    const both = await http.get(`/persons/${CHRIS_ID}/parcours`).query({ asKnownAt: before, asLivedAt: '2008' }).expect(200);
    expect(both.body.lanes.employment.episodes).toEqual([]);
  });

  it('refuses malformed cuts naming the parameter', async () => {
    const bad = await http.get(`/persons/${CHRIS_ID}/parcours`).query({ asLivedAt: 'early 2009' }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'asLivedAt' });
    const badKnown = await http.get(`/persons/${CHRIS_ID}/parcours`).query({ asKnownAt: 'yesterday' }).expect(400);
    expect(badKnown.body.errors[0]).toMatchObject({ field: 'asKnownAt' });
    const badPosition = await http.get(`/persons/${CHRIS_ID}/parcours`).query({ minPosition: '12' }).expect(400);
    expect(badPosition.body.errors[0]).toMatchObject({ field: 'minPosition' });
  });

  it('GET /persons/:id/replay gives one frame per recorded event, as JSON lines and as server-sent events', async () => {
    const lines = await http.get(`/persons/${CHRIS_ID}/replay`).expect(200);
    expect(lines.headers['content-type']).toMatch(/application\/x-ndjson/);
    const frames = lines.text.trim().split('\n').map((l) => JSON.parse(l) as { step: number; eventId: string; view: { order: string[] } });
    expect(frames.map((f) => f.eventId).slice(0, chrisLines().length)).toEqual(chrisLines().map((l) => l.eventId));
    expect(frames.map((f) => f.view.order.length)).toEqual(frames.map((_, i) => i + 1));
    const sse = await http.get(`/persons/${CHRIS_ID}/replay`).set('accept', 'text/event-stream').expect(200);
    expect(sse.headers['content-type']).toMatch(/text\/event-stream/);
    expect(sse.text.match(/^event: frame$/gm)).toHaveLength(frames.length);
    expect(sse.text).toMatch(/event: end/);
  });

  it('answers 404 for an unknown person', async () => {
    await http.get('/persons/018f0000-0000-7000-8000-0000000000ff/parcours').expect(404);
    await http.get('/persons/018f0000-0000-7000-8000-0000000000ff/replay').expect(404);
  });
});
