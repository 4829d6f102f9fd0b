import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { OUTCOME_INDICATORS } from '@parcours/domain';
import { startTestApp, type TestApp, type UsualCaller } from '../support/test-app.js';

const HIDDEN = { suppressed: true };

/**
 * 23 persons entering a programme on 1 Jan 2010, observed to the end of 2012:
 * - 12 "hired": registered 2008, a hospital stay in January 2009, a relapse contained in 10 days
 *   (March 2010), hired on 1 Jul 2010 (day 181, CDD, first labour market, still employed), exit
 *   to durable employment in January 2011;
 * - 11 "lost": registered 2008, a hospital stay in January 2011, lost to follow-up on 1 Jun 2011
 *   (day 516), exit "other" at the same date.
 */
describe('cohort outcomes (GET /cohorts/:id/outcomes)', () => {
  let t: TestApp;
  let http: UsualCaller;
  let programmeId: string;
  let cohortId: string;
  let lastPosition: string;

  const event = (type: string, occurredAt: string, data: Record<string, unknown> = {}) => ({ type, occurredAt, provenance: 'service_record', data });
  const person = async (events: ReturnType<typeof event>[]) => {
    const registered = await http.post('/persons').send({ pseudonym: 'P', birthYear: 1980, gender: 'male', occurredAt: '2008-01-01', provenance: 'service_record' }).expect(201);
    const written = await http.post(`/persons/${registered.body.id}/events/batch`).send({ events }).expect(201);
    lastPosition = written.body.position;
  };
  const entered = () => event('ProgrammeEntered', '2010-01-01', { programmeId });
  const stay = (from: string, to: string) => {
    const episodeId = uuidv7();
    return [event('HospitalAdmitted', from, { episodeId, kind: 'general' }), event('HospitalDischarged', to, { episodeId })];
  };

  beforeAll(async () => {
    t = await startTestApp();
    http = t.http;
    programmeId = (await http.post('/admin/programmes').send({ name: 'Outcomes programme' }).expect(201)).body.id;
    for (let i = 0; i < 12; i++) {
      const relapse = uuidv7();
      const job = uuidv7();
      await person([
        ...stay('2009-01-01', '2009-01-11'),
        entered(),
        event('RelapseOccurred', '2010-03-01', { episodeId: relapse }),
        event('RelapseContained', '2010-03-11', { episodeId: relapse }),
        event('Hired', '2010-07-01', { episodeId: job, employer: { name: 'Employer' }, contract: 'cdd', labourMarket: 'first' }),
        event('ProgrammeExited', '2011-01-01', { programmeId, destination: 'durable_employment' }),
      ]);
    }
    for (let i = 0; i < 11; i++) {
      await person([entered(), ...stay('2011-01-01', '2011-01-05'), event('LostToFollowUp', '2011-06-01'), event('ProgrammeExited', '2011-06-01', { programmeId, destination: 'other_exit' })]);
    }
    cohortId = (await http.post('/admin/cohorts').send({ name: 'Entries 2010', entryRule: 'programme_entry', programmeId, entryFrom: '2010', entryTo: '2010', cutoff: '2012-12-31' }).expect(201)).body.id;
  });
  afterAll(async () => t?.close());

  it('answers the cohort and every indicator with its version and definition, hand-computed', async () => {
    const res = await http.get(`/cohorts/${cohortId}/outcomes`).query({ minPosition: lastPosition }).expect(200);
    expect(res.headers['x-parcours-stale']).toBeUndefined();
    const { cohort, indicators, position } = res.body;
    expect(cohort).toEqual({ id: cohortId, name: 'Entries 2010', members: 23, entryRule: 'programme_entry', programmeId, organisationId: null, retired: false, cutoff: '2012-12-31T23:59:59.999Z' });
    expect(position).toBe(res.headers['x-parcours-position']);
    for (const i of OUTCOME_INDICATORS) expect(indicators[i.name]).toMatchObject({ version: i.version, definition: i.definition });

    expect(indicators.employedAtMonths.checkpoints.map((c: { share: number }) => c.share)).toEqual([0.5217, 0.5217, 0.5217]); // 12 / 23
    // Kaplan–Meier: S(181) = 11/23; the 11 lost are censored at day 516 (11 at risk: still shown, the curve's last time).
    const km = indicators.daysToFirstJob;
    expect(km.persons).toEqual({ total: 23, counts: { hired: 12, censored_cutoff: 0, censored_lost_to_follow_up: 11 } });
    expect(km.curve.steps.map((s: { time: number; nRisk: number }) => [s.time, s.nRisk])).toEqual([[181, 23], [516, 11]]);
    expect(km.curve.steps[0].survival).toBe(0.478261); // 11/23, to 6 decimals
    expect(km.median).toEqual({ time: 181, lower: 181, upper: null });
    expect(indicators.longestJobTenure).toMatchObject({ persons: { counts: { with: 12, without: 11 } }, medianDays: 914.5 }); // 1 Jul 2010 noon → the cut-off
    expect(indicators.contractMix.shares).toMatchObject({ cdd: 1, cdi: 0 });
    expect(indicators.labourMarket.persons.counts).toEqual({ first: 12, second: 0, unknown: 0 });
    // Before entry: 12 stays over 23 × 731 days; after: 11 stays over 23 × 1095.5 days.
    expect(indicators.hospitalisationRates.before).toMatchObject({ admissions: 12, personYears: 46.03, perPersonYear: 0.261 });
    expect(indicators.hospitalisationRates.after).toMatchObject({ admissions: 11, personYears: 68.99, perPersonYear: 0.159 });
    expect(indicators.relapseContainment).toMatchObject({ relapses: { counts: { contained: 12, uncontained: 0 } }, medianContainmentDays: 10 });
    expect(indicators.lostToFollowUp).toMatchObject({ everLostShare: 0.4783, lostAtCutoffShare: 0.4783 });
    expect(indicators.handoffs).toMatchObject({ handoffs: { counts: { overlap: 0, gap: 12, unknown: 0 } }, medianGapDays: 536 }); // discharge 11 Jan 2009 → hire
    expect(indicators.sortiesDynamiques.shares).toMatchObject({ durable_employment: 0.5217, other_exit: 0.4783 });
    expect(indicators.employabilityTiers.tier3).toEqual({ persons: { total: 23, counts: { reached: 12, not_reached: 11, unknown: 0 } }, share: 0.5217 });
    expect(indicators.studiesResumed).toMatchObject({ persons: { total: 23, counts: { with: 0, without: 23 } }, share: 0, occurrences: 0 });
    // Published suppression markers never say why.
    expect(JSON.stringify(res.body)).not.toContain('"reason":"small_cell"');
  });

  it('waits for a write passed as minPosition, hides small cells and a cohort under 11', async () => {
    await person([entered(), event('Hired', '2010-02-01', { episodeId: uuidv7(), employer: { name: 'Other' }, contract: 'cdi' })]);
    const res = await http.get(`/cohorts/${cohortId}/outcomes`).query({ minPosition: lastPosition }).expect(200);
    expect(res.body.cohort.members).toBe(24);
    // One CDI among 13 hired: hidden, with the next smallest cell (the 12 CDD), and their shares.
    expect(res.body.indicators.contractMix.persons).toMatchObject({ total: 13, counts: { cdi: HIDDEN, cdd: HIDDEN } });
    expect(res.body.indicators.contractMix.shares.cdd).toEqual(HIDDEN);

    const small = (await http.post('/admin/cohorts').send({ name: 'Entries 2010, women', entryRule: 'programme_entry', programmeId, genders: ['female'], cutoff: '2012' }).expect(201)).body.id;
    const none = await http.get(`/cohorts/${small}/outcomes`).expect(200);
    expect(none.body.cohort.members).toBe(0);
    expect(none.body.indicators.daysToFirstJob.curve.steps).toEqual([]);
  });

  it('answers 404 for an unknown cohort, 400 for a bad id or minPosition', async () => {
    expect((await http.get(`/cohorts/${uuidv7()}/outcomes`).expect(404)).body.code).toBe('COHORT_NOT_FOUND');
    await http.get('/cohorts/not-a-uuid/outcomes').expect(400);
    await http.get(`/cohorts/${cohortId}/outcomes`).query({ minPosition: 'soon' }).expect(400);
  });

  it('docs/indicators.md states every definition word for word, with its version', () => {
    const doc = readFileSync(new URL('../../docs/indicators.md', import.meta.url), 'utf8');
    for (const i of OUTCOME_INDICATORS) {
      expect(doc).toContain(i.definition);
      expect(doc).toContain(`### \`${i.name}\` (version ${i.version})`);
    }
  });
});
