import { describe, expect, it } from '@jest/globals';
import type { CohortMember } from '../cohorts/membership.js';
import { at, endOf, episode, person, tariff } from './cost-fixtures.test-support.js';
import { cohortCostLines, cohortCostView } from './cohort-cost-view.js';

const small = { suppressed: true, reason: 'small_cell' };
const complementary = { suppressed: true, reason: 'complementary' };
const derived = { suppressed: true, reason: 'derived' };
const tariffs = [
  tariff('care', { episodeKind: 'care_follow_up', amountCents: 500 }),
  tariff('ws', { episodeKind: 'workshop', amountCents: 1000 }),
  tariff('chf', { episodeKind: 'job', amountCents: 100, currency: 'CHF', funder: 'Canton' }),
];

/**
 * n members entered in January 2012, each with a care follow-up open from 22 December 2012
 * (10 days to the cut-off × 5.00 = 50.00) and a job from March 2012; the first `workshops` also
 * spend 30-31 December in a workshop (2 days × 10.00 = 20.00), the first `qualified` get a qualification.
 */
function cohort(n: number, workshops: number, qualified: number): CohortMember[] {
  return Array.from({ length: n }, (_, i) => ({
    entry: at('2012-01'),
    summary: person(`p${String(i).padStart(2, '0')}`, {
      episodes: [
        episode('care_follow_up', '2012-12-22', 'open'),
        episode('job', '2012-03-01', '2012-03-01'),
        ...(i < workshops ? [episode('workshop', '2012-12-30', '2012-12-31')] : []),
      ],
      qualifications: i < qualified ? [at('2012-06')] : [],
    }),
  }));
}

const view = (members: CohortMember[], groupBy: 'field' | 'year') =>
  cohortCostView({ members, lines: cohortCostLines(members, tariffs, endOf(2012)), cutoff: endOf(2012), groupBy, currency: 'EUR' });

describe('the published cost view of a cohort', () => {
  it('given 12 members, then the total, per-member statistics and cost per outcome are published', () => {
    const v = view(cohort(12, 3, 11), 'year');
    // 12 × 50.00 of care + 3 × 20.00 of workshop = 660.00, all in 2012.
    expect(v.members).toBe(12);
    expect(v.total).toEqual({
      key: 'cohort',
      persons: 12,
      amountCents: { mid: 66000, min: 66000, max: 66000 },
      perPerson: { mean: { mid: 5500, min: 5500, max: 5500 }, median: { mid: 5000, min: 5000, max: 5000 } },
      perMember: { mean: { mid: 5500, min: 5500, max: 5500 }, median: { mid: 5000, min: 5000, max: 5000 } },
    });
    expect(v.groups).toEqual([{ key: '2012', persons: 12, amountCents: { mid: 66000, min: 66000, max: 66000 }, perPerson: v.total.perPerson }]);
    expect(v.outcomes.find((o) => o.outcome === 'hired')).toMatchObject({ persons: 12, costPerOutcomeCents: { mid: 5500, min: 5500, max: 5500 } });
    expect(v.outcomes.find((o) => o.outcome === 'training_completed')).toMatchObject({ persons: 0, costPerOutcomeCents: null });
    // 11 qualified, 1 not: publishing 11 would give the 1 away by subtraction from 12.
    expect(v.outcomes.find((o) => o.outcome === 'qualification')).toMatchObject({ persons: complementary, costPerOutcomeCents: derived });
    expect(v).toMatchObject({ currency: 'EUR', otherCurrencies: ['CHF'], illustrative: true, includesUnknownEnds: false });
  });

  it('given a group of 3 persons, then it is hidden, and the only other group with it (its amount would be the total minus the rest)', () => {
    const v = view(cohort(12, 3, 0), 'field');
    expect(v.groups).toEqual([
      { key: 'care', persons: complementary, amountCents: derived, perPerson: derived },
      { key: 'employment', persons: small, amountCents: derived, perPerson: derived },
    ]);
    expect(v.total.amountCents).toEqual({ mid: 66000, min: 66000, max: 66000 });
  });

  it('given 11 persons in each group, then every group is published', () => {
    const v = view(cohort(11, 11, 0), 'field');
    expect(v.groups.map((g) => [g.key, g.persons, g.amountCents])).toEqual([
      ['care', 11, { mid: 55000, min: 55000, max: 55000 }],
      ['employment', 11, { mid: 22000, min: 22000, max: 22000 }],
    ]);
  });

  it('given a cohort of 5, then nothing but structural zeros is published', () => {
    const v = view(cohort(5, 5, 5), 'field');
    expect(v.members).toEqual(small);
    expect(v.total).toMatchObject({ persons: small, amountCents: derived, perPerson: derived, perMember: derived });
    expect(v.groups.every((g) => g.persons && typeof g.persons === 'object')).toBe(true);
    expect(v.outcomes.map((o) => o.persons)).toEqual([small, 0, small, 0]);
    expect(v.outcomes.map((o) => o.costPerOutcomeCents)).toEqual([derived, null, derived, null]);
  });

  it('given the CHF view, then only CHF amounts, and EUR is named as another currency', () => {
    const members = cohort(12, 0, 0);
    const v = cohortCostView({ members, lines: cohortCostLines(members, tariffs, endOf(2012)), cutoff: endOf(2012), groupBy: 'field', currency: 'CHF' });
    // The canton's CHF tariff prices every job: 12 × 1 day × 1.00.
    expect(v.total.amountCents).toEqual({ mid: 1200, min: 1200, max: 1200 });
    expect(v.otherCurrencies).toEqual(['EUR']);
  });

  it('given the period since entry, then costs before each entry are left out', () => {
    const members = cohort(12, 0, 0).map((m) => ({ ...m, entry: at('2012-12-27') }));
    const lines = cohortCostLines(members, tariffs, endOf(2012), 'since_entry');
    // 27 to 31 December: 5 days × 5.00 each; the March jobs fall before the entry.
    expect(cohortCostView({ members, lines, cutoff: endOf(2012), groupBy: 'field', currency: 'EUR' }).total.amountCents).toEqual({ mid: 30000, min: 30000, max: 30000 });
    expect(lines.some((l) => l.currency === 'CHF')).toBe(false);
  });
});
