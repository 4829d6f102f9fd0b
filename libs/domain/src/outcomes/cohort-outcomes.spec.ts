import { describe, expect, it } from '@jest/globals';
import { cohortOutcomes, OUTCOME_INDICATORS } from './cohort-outcomes.js';
import { alike, at, episode, member, noon } from './outcome-fixtures.test-support.js';

const ENTRY = '2010-01-01';
const CUTOFF = noon('2012-12-31');

/** A path touching every indicator: programme, job, training, stays, relapse, loss, housing, income. */
const richPath = () =>
  member(ENTRY, {
    firstContact: at('2006-01-01'),
    programmes: [{ programmeId: 'a23', entered: at(ENTRY), exited: at('2011-06-01'), destination: 'durable_employment' }],
    episodes: [
      episode('hospital_stay', '2007-01-01', '2007-01-20'),
      episode('care_follow_up', '2006-01-01', 'open'),
      episode('workshop', ENTRY, '2011-06-01'),
      episode('training', '2010-02-01', '2010-06-01', { details: { outcome: 'completed' } }),
      episode('relapse', '2010-08-01', '2010-08-11'),
      episode('hospital_stay', '2010-09-01', '2010-09-10'),
      episode('job', '2011-06-01', 'open', { details: { contract: 'cdi', labourMarket: 'first' } }),
    ],
    lostToFollowUp: [{ lost: at('2010-10-01'), resumed: at('2010-12-01') }],
    housing: [{ when: at('2010-03-01'), status: 'own_tenancy' }],
    income: [{ when: at('2011-06-01'), source: 'wages' }],
    qualifications: [at('2010-06-01')],
  });

/** Every number published, with its path, except the ones that are not about people. */
function numbers(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return /(version|months|cutoff|confidenceLevel)$/.test(path) ? [] : [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => numbers(v, `${path}.${key}`));
}

describe('cohort outcomes', () => {
  it('publishes every indicator under its name with its version and definition', () => {
    const outcomes = cohortOutcomes(alike(12, richPath), CUTOFF);
    expect(Object.keys(outcomes.indicators)).toEqual(OUTCOME_INDICATORS.map((i) => i.name));
    for (const i of OUTCOME_INDICATORS) expect(outcomes.indicators[i.name]).toMatchObject({ version: i.version, definition: i.definition });
    expect(new Set(OUTCOME_INDICATORS.map((i) => i.definition)).size).toBe(OUTCOME_INDICATORS.length);
  });

  it('given a cohort of 5, then its size and every figure about people are hidden (zeros aside)', () => {
    const outcomes = cohortOutcomes(alike(5, richPath), CUTOFF);
    expect(outcomes.members).toEqual({ suppressed: true, reason: 'small_cell' });
    expect(numbers(outcomes.indicators).filter(([, n]) => n !== 0)).toEqual([]);
    expect(outcomes.indicators.daysToFirstJob.curve).toEqual({ suppressed: true, reason: 'small_cell' });
  });

  it('given a cohort of 13 (12 alike, 1 never hired), then values show and the small cells inside it are hidden', () => {
    const outcomes = cohortOutcomes([...alike(12, richPath), member(ENTRY, { firstContact: at('2006-01-01') })], CUTOFF);
    const { indicators } = outcomes;
    expect(outcomes.members).toBe(13);
    // 12 hired on 1 Jun 2011, 516 days after entry; 1 censored at the cut-off: 1 hidden, with the 12.
    expect(indicators.daysToFirstJob.persons.counts).toEqual({
      hired: { suppressed: true, reason: 'complementary' },
      censored_cutoff: { suppressed: true, reason: 'small_cell' },
      censored_lost_to_follow_up: 0,
    });
    expect(indicators.daysToFirstJob.median).toEqual({ time: 516, lower: 516, upper: { suppressed: true, reason: 'small_cell' } });
    // At 24 months (≈ 1 Jan 2012) the 12 are employed: the 13th alone would be "not employed".
    expect(indicators.employedAtMonths.checkpoints[2]!.persons.counts.not_employed).toEqual({ suppressed: true, reason: 'small_cell' });
    expect(indicators.hospitalisationRates.before).toMatchObject({ admissions: 12, perPersonYear: expect.closeTo(12 / (13 * 1461 / 365.2425), 3) });
    expect(indicators.trainingCompletion).toMatchObject({ trainings: { total: 12, counts: { completed: 12 } }, completionShare: 1 });
    expect(indicators.relapseContainment.medianContainmentDays).toBe(10);
    // The 13th never entered the programme: "not exited" is 1, hidden with the 12 durable exits and their share.
    expect(indicators.sortiesDynamiques.shares.durable_employment).toEqual({ suppressed: true, reason: 'derived' });
    expect(indicators.lostToFollowUp.persons.counts).toMatchObject({ lost_then_resumed: { suppressed: true, reason: 'complementary' }, never_lost: { suppressed: true, reason: 'small_cell' } });
    expect(indicators.employabilityTiers.tier3.persons.counts.reached).toEqual({ suppressed: true, reason: 'complementary' });
  });
});
