import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { loadDemoData } from '../../apps/api/src/demo/load-demo-data.js';
import { startTestApp, type TestApp, type UsualCaller } from '../support/test-app.js';

const hidden = { suppressed: true };
const exact = (cents: number) => ({ mid: cents, min: cents, max: cents });

/**
 * A cohort built through the API, with hand-computed costs (cents, day-precise dates so that
 * min = mid = max). Twelve persons enter the programme on 1 Jan 2010 and spend 22 Dec 2010 to
 * 10 Jan 2011 in a workshop of one organisation:
 *   22-31 Dec 2010: 10 days × 10.00 (generic workshop tariff, valid to 31 Dec 2010) = 100.00
 *   1-10 Jan 2011:  10 days × 12.00 (the organisation's own tariff, from 2011)     = 120.00
 * Three of them start a job coaching on 1 Feb 2011: 300.00 once (per event, another funder).
 * All are hired on 1 Mar 2011 (no tariff). The first also has a two-day care follow-up priced in
 * CHF. Five of the twelve are women: a cohort of them is too small to publish.
 * EUR total: 12 × 220.00 + 3 × 300.00 = 3,540.00.
 */
describe('GET /cohorts/:id/costs', () => {
  let t: TestApp;
  let http: UsualCaller;
  let everyone: string;
  let women: string;
  let head: string;
  const persons: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    http = t.http;
    const organisationId = (await http.post('/admin/organisations').send({ name: 'Atelier test', type: 'insertion_workshop', country: 'BE' }).expect(201)).body.id as string;
    const programmeId = (await http.post('/admin/programmes').send({ name: 'Programme test' }).expect(201)).body.id as string;
    const tariffs = [
      { episodeKind: 'workshop', basis: 'per_day', amount: '10.00', funder: 'Region (test)', validFrom: '2010-01-01', validTo: '2010-12-31' },
      { episodeKind: 'workshop', organisationId, basis: 'per_day', amount: '12.00', funder: 'Region (test)', validFrom: '2011-01-01' },
      { episodeKind: 'job_coaching', basis: 'per_event', amount: '300.00', funder: 'CPAS (test)', validFrom: '2000-01-01' },
      { episodeKind: 'care_follow_up', basis: 'per_day', amount: '50.00', currency: 'CHF', funder: 'Canton (test)', validFrom: '2000-01-01' },
    ];
    for (const tariff of tariffs) await http.post('/admin/tariffs').send(tariff).expect(201);
    for (let i = 0; i < 12; i++) {
      const id = (await http.post('/persons').send({ pseudonym: `P${i}`, birthYear: 1980, gender: i >= 7 ? 'female' : 'male', occurredAt: '2009', provenance: 'service_record' }).expect(201)).body.id as string;
      persons.push(id);
      const [workshop, coaching, job, care] = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
      const events = [
        { type: 'ProgrammeEntered', occurredAt: '2010-01-01', provenance: 'service_record', data: { programmeId } },
        { type: 'WorkshopEntered', occurredAt: '2010-12-22', provenance: 'service_record', organisation: { organisationId }, data: { episodeId: workshop, workshop: 'Test' } },
        { type: 'WorkshopExited', occurredAt: '2011-01-10', provenance: 'service_record', data: { episodeId: workshop, destination: 'transition_employment' } },
        ...(i < 3 ? [{ type: 'JobCoachAssigned', occurredAt: '2011-02-01', provenance: 'service_record', data: { episodeId: coaching } }] : []),
        { type: 'Hired', occurredAt: '2011-03-01', provenance: 'service_record', data: { episodeId: job, employer: { name: 'Employer' } } },
        ...(i === 0
          ? [
              { type: 'CareEpisodeStarted', occurredAt: '2011-05-01', provenance: 'service_record', data: { episodeId: care, setting: 'addiction_outpatient' } },
              { type: 'CareEpisodeEnded', occurredAt: '2011-05-02', provenance: 'service_record', data: { episodeId: care } },
            ]
          : []),
      ];
      await http.post(`/persons/${id}/events/batch`).send({ events }).expect(201);
    }
    const cohort = async (extra: Record<string, unknown>) =>
      (await http.post('/admin/cohorts').send({ name: 'Test cohort', entryRule: 'programme_entry', programmeId, entryFrom: '2010', entryTo: '2010', cutoff: '2012', ...extra }).expect(201)).body.id as string;
    everyone = await cohort({});
    women = await cohort({ genders: ['female'] });
    head = await t.store.headPosition();
  });
  afterAll(async () => t?.close());

  const costs = (cohortId: string, query: Record<string, string> = {}) => http.get(`/cohorts/${cohortId}/costs`).query({ minPosition: head, ...query });

  it('publishes the total, per-person statistics and cost per outcome of a cohort of 12, once both read models have the writes', async () => {
    const res = await costs(everyone).expect(200);
    expect(res.headers['x-parcours-position']).toBeTruthy();
    expect(res.headers['x-parcours-stale']).toBeUndefined();
    expect(res.body).toMatchObject({ cohortId: everyone, groupBy: 'field', currency: 'EUR', period: 'path', cutoff: '2012-12-31T23:59:59.999Z', members: 12, otherCurrencies: ['CHF'], illustrative: true });
    // Per person: 9 × 220.00 and 3 × 520.00 → mean 295.00, median 220.00.
    const perPerson = { mean: exact(29500), median: exact(22000) };
    expect(res.body.total).toEqual({ key: 'cohort', persons: 12, amountCents: exact(354000), perPerson, perMember: perPerson });
    expect(res.body.groups).toEqual([{ key: 'employment', persons: 12, amountCents: exact(354000), perPerson }]);
    expect(res.body.outcomes).toEqual([
      { outcome: 'hired', definition: expect.any(String), persons: 12, costPerOutcomeCents: exact(29500) },
      { outcome: 'durable_exit', definition: expect.any(String), persons: 0, costPerOutcomeCents: null },
      { outcome: 'qualification', definition: expect.any(String), persons: 0, costPerOutcomeCents: null },
      { outcome: 'training_completed', definition: expect.any(String), persons: 0, costPerOutcomeCents: null },
    ]);
  });

  it('splits by year, with the tariff change inside the workshop episode', async () => {
    const res = await costs(everyone, { groupBy: 'year' }).expect(200);
    // 2011: 12 × 120.00 + 3 × 300.00 = 2,340.00; per person 9 × 120.00 and 3 × 420.00.
    expect(res.body.groups).toEqual([
      { key: '2010', persons: 12, amountCents: exact(120000), perPerson: { mean: exact(10000), median: exact(10000) } },
      { key: '2011', persons: 12, amountCents: exact(234000), perPerson: { mean: exact(19500), median: exact(12000) } },
    ]);
  });

  it('hides a group of 3 persons, and the other group with it, the same way whatever the reason', async () => {
    const res = await costs(everyone, { groupBy: 'funder' }).expect(200);
    expect(res.body.groups).toEqual([
      { key: 'CPAS (test)', persons: hidden, amountCents: hidden, perPerson: hidden },
      { key: 'Region (test)', persons: hidden, amountCents: hidden, perPerson: hidden },
    ]);
    expect(res.body.total.amountCents).toEqual(exact(354000));
  });

  it('keeps currencies apart: the CHF view holds one person, so it is hidden', async () => {
    const res = await costs(everyone, { currency: 'CHF' }).expect(200);
    expect(res.body).toMatchObject({ currency: 'CHF', otherCurrencies: ['EUR'], members: 12 });
    expect(res.body.total).toMatchObject({ persons: hidden, amountCents: hidden, perMember: hidden });
  });

  it('hides everything about a cohort of fewer than 11 persons', async () => {
    const res = await costs(women).expect(200);
    expect(res.body.members).toEqual(hidden);
    expect(res.body.total).toEqual({ key: 'cohort', persons: hidden, amountCents: hidden, perPerson: hidden, perMember: hidden });
    expect(res.body.groups).toEqual([{ key: 'employment', persons: hidden, amountCents: hidden, perPerson: hidden }]);
    expect(res.body.outcomes[0]).toMatchObject({ outcome: 'hired', persons: hidden, costPerOutcomeCents: hidden });
  });

  it('answers a warm request from its cache with the same body', async () => {
    const first = await costs(everyone, { groupBy: 'year' }).expect(200);
    const started = Date.now();
    const again = await costs(everyone, { groupBy: 'year' }).expect(200);
    expect(again.body).toEqual(first.body);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('answers 400 naming groupBy, currency, period or id, and 404 for an unknown cohort', async () => {
    for (const [query, field] of [[{ groupBy: 'person' }, 'groupBy'], [{ groupBy: 'colour' }, 'groupBy'], [{ currency: 'EURO' }, 'currency'], [{ period: 'ever' }, 'period'], [{ minPosition: '12' }, 'minPosition']] as const) {
      const res = await http.get(`/cohorts/${everyone}/costs`).query(query).expect(400);
      expect(res.body.errors[0]).toMatchObject({ field });
    }
    expect((await http.get('/cohorts/not-a-uuid/costs').expect(400)).body.errors[0]).toMatchObject({ field: 'id' });
    expect((await http.get(`/cohorts/${uuidv7()}/costs`).expect(404)).body.code).toBe('COHORT_NOT_FOUND');
  });

  // Last: it changes the data the tests above computed by hand.
  it('shows a new write in the next answer, with its position: a fourth job coaching adds 300.00', async () => {
    await costs(everyone).expect(200); // warm the caches first
    const write = await http
      .post(`/persons/${persons[5]}/events`)
      .send({ type: 'JobCoachAssigned', occurredAt: '2011-02-01', provenance: 'service_record', data: { episodeId: uuidv7() } })
      .expect(201);
    const res = await costs(everyone, { minPosition: write.body.position }).expect(200);
    expect(res.headers['x-parcours-stale']).toBeUndefined();
    expect(res.body.total.amountCents).toEqual(exact(384000));
  });
});

describe('the demo data: tariffs and the Article 23 cohort', () => {
  let t: TestApp;
  let http: UsualCaller;
  beforeAll(async () => {
    t = await startTestApp();
    http = t.http;
    await loadDemoData(t.app);
    await loadDemoData(t.app); // a second load writes nothing and fails on nothing
  });
  afterAll(async () => t?.close());

  it('defines the real aid per ACI post as 65.54 € a day, and a cohort whose one member (Chris) is not published', async () => {
    const aci = await http.get('/admin/tariffs/018f0000-00c0-7000-8000-000000000011').expect(200);
    expect(aci.body).toMatchObject({ episodeKind: 'insertion_post', setting: 'ACI', basis: 'per_day', amount: '65.54', illustrative: false, status: 'active' });
    expect((await http.get('/admin/tariffs/018f0000-00c0-7000-8000-000000000005').expect(200)).body.status).toBe('withdrawn');
    const res = await http.get('/cohorts/018f0000-0000-7000-8000-0000000c0023/costs').query({ minPosition: await t.store.headPosition() }).expect(200);
    expect(res.body).toMatchObject({ name: 'Article 23, entries 2009-2012 (demo)', cutoff: '2012-11-30T23:59:59.999Z', members: hidden, illustrative: true });
    expect(res.body.total.amountCents).toEqual(hidden);
  });
});
