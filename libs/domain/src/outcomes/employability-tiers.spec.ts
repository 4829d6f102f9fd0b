import { describe, expect, it } from '@jest/globals';
import { employabilityTiers, employerContactTier, housingAndIncomeTier, jobKeptTier } from './employability-tiers.js';
import { alike, at, episode, member, noon } from './outcome-fixtures.test-support.js';
import { housingSituation } from './social-situation.js';

const ENTRY = '2010-01-01';
const CUTOFF = noon('2012-12-31');
const housing = (...changes: [string, string][]) => changes.map(([when, status]) => ({ when: at(when), status }));
const income = (...changes: [string, string][]) => changes.map(([when, source]) => ({ when: at(when), source }));

describe('employability tiers (after Luxembourg\'s Process)', () => {
  it('tier 1: the last housing and income at the cut-off, whenever recorded', () => {
    const tier = (h: [string, string][], i: [string, string][]) => housingAndIncomeTier(member(ENTRY, { housing: housing(...h), income: income(...i) }), CUTOFF);
    expect(tier([['2009-01-01', 'street'], ['2011-01-01', 'supported_housing']], [['2011-02-01', 'rsa']])).toBe('reached');
    expect(tier([['2011-01-01', 'supported_housing'], ['2012-06-01', 'emergency_shelter']], [['2011-02-01', 'wages']])).toBe('not_reached');
    expect(tier([['2011-01-01', 'own_tenancy']], [['2011-02-01', 'none']])).toBe('not_reached');
    expect(tier([['2011-01-01', 'own_tenancy']], [])).toBe('unknown');
    expect(tier([['2011-01-01', 'own_tenancy'], ['2013-06-01', 'street']], [['2011-02-01', 'aah']])).toBe('reached'); // after the cut-off: unseen
  });

  it('tier 2: a workshop, internship, coaching or job running between entry and the cut-off', () => {
    expect(employerContactTier(member(ENTRY, { episodes: [episode('job_coaching', '2009-06-01', 'open')] }), CUTOFF)).toBe('reached');
    expect(employerContactTier(member(ENTRY, { episodes: [episode('workshop', '2008-01-01', '2009-06-01')] }), CUTOFF)).toBe('not_reached');
    expect(employerContactTier(member(ENTRY, { episodes: [episode('training', '2011-01-01', 'open')] }), CUTOFF)).toBe('not_reached');
  });

  it('tier 3: a job after entry kept 6 months (183 days), not on the second labour market', () => {
    const tier = (start: string, end: string | 'open', labourMarket?: string) =>
      jobKeptTier(member(ENTRY, { episodes: [episode('job', start, end, labourMarket ? { details: { labourMarket } } : {})] }), CUTOFF);
    expect(tier('2011-01-01', '2011-07-03')).toBe('reached'); // 183 days
    expect(tier('2011-01-01', '2011-07-01')).toBe('not_reached'); // 181 days
    expect(tier('2012-09-01', 'open')).toBe('not_reached'); // 121 days by the cut-off
    expect(tier('2011-01-01', 'open', 'second')).toBe('not_reached');
  });

  it('given 33 members, then each tier counted on its own among all', () => {
    const settled = { housing: housing(['2010-06-01', 'own_tenancy']), income: income(['2010-06-01', 'wages']) };
    const cohort = [
      ...alike(11, () => member(ENTRY, { ...settled, episodes: [episode('job', '2011-01-01', 'open', { details: { labourMarket: 'first' } })] })),
      ...alike(11, () => member(ENTRY, { ...settled, episodes: [episode('internship', '2011-01-01', '2011-03-01')] })),
      ...alike(11, () => member(ENTRY, { housing: housing(['2010-06-01', 'street']) })),
    ];
    const value = employabilityTiers.compute(cohort, CUTOFF);
    expect(value.tier1).toEqual({ persons: { total: 33, counts: { reached: 22, not_reached: 11, unknown: 0 } }, share: 0.6667 });
    expect(value.tier2).toEqual({ persons: { total: 33, counts: { reached: 22, not_reached: 11, unknown: 0 } }, share: 0.6667 });
    expect(value.tier3).toEqual({ persons: { total: 33, counts: { reached: 11, not_reached: 22, unknown: 0 } }, share: 0.3333 });
  });
});

describe('housing at the cut-off', () => {
  it('given statuses, then by last status; shares among the known', () => {
    const cohort = [
      ...alike(12, () => member(ENTRY, { housing: housing(['2011-01-01', 'own_tenancy']) })),
      ...alike(12, () => member(ENTRY, { housing: housing(['2011-01-01', 'family']) })),
      ...alike(11, () => member(ENTRY)),
    ];
    const value = housingSituation.compute(cohort, CUTOFF);
    expect(value.persons.counts).toMatchObject({ own_tenancy: 12, family: 12, street: 0, unknown: 11 });
    expect(value.shares).toMatchObject({ own_tenancy: 0.5, family: 0.5, street: 0 });
  });
});
