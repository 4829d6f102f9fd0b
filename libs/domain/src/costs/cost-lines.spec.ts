import { describe, expect, it } from '@jest/globals';
import { at, endOf, episode, person, tariff } from './cost-fixtures.test-support.js';
import type { CostLine } from './cost-line.js';
import { costLines } from './cost-lines.js';

/** Amounts by line, compact: "tariffId/year mid [min..max]". */
const show = (lines: readonly CostLine[]) => lines.map((l) => `${l.tariffId ?? l.source}/${l.year} ${l.amountCents.mid} [${l.amountCents.min}..${l.amountCents.max}]`).sort();

describe('cost lines: per day', () => {
  it('given a workshop from 1 Dec 2010 to 10 Jan 2011 and a tariff change on 16 Dec, then days are split by tariff and calendar year', () => {
    // A: 10.00/day to 15 Dec; B: 12.00/day from 16 Dec. Days counted from the start day to the end day, both included.
    const tariffs = [
      tariff('A', { episodeKind: 'workshop', amountCents: 1000, validTo: '2010-12-15' }),
      tariff('B', { episodeKind: 'workshop', amountCents: 1200, validFrom: '2010-12-16' }),
    ];
    const lines = costLines(person('p', { episodes: [episode('workshop', '2010-12-01', '2011-01-10')] }), tariffs, endOf(2012));
    // 1-15 Dec: 15 × 10.00; 16-31 Dec: 16 × 12.00; 1-10 Jan: 10 × 12.00. Day-precise dates: min = mid = max.
    expect(show(lines)).toEqual(['A/2010 15000 [15000..15000]', 'B/2010 19200 [19200..19200]', 'B/2011 12000 [12000..12000]']);
    expect(lines.find((l) => l.tariffId === 'B' && l.year === 2011)).toMatchObject({ field: 'employment', category: 'employment', funder: 'Region', currency: 'EUR', source: 'tariff', days: { mid: 10, min: 10, max: 10 } });
  });

  it('given an open care follow-up from 1 Mar 2012, when the cut-off is the end of 2012, then it runs to the cut-off (306 days)', () => {
    const tariffs = [tariff('C', { episodeKind: 'care_follow_up', amountCents: 500 })];
    const lines = costLines(person('p', { episodes: [episode('care_follow_up', '2012-03-01', 'open')] }), tariffs, endOf(2012));
    // March to December 2012: 31+30+31+30+31+31+30+31+30+31 = 306 days × 5.00.
    expect(show(lines)).toEqual(['C/2012 153000 [153000..153000]']);
  });

  it('given a training started in "2009" and ended 30 June 2010, then the midpoint gives mid, the bounds give min and max', () => {
    const tariffs = [tariff('T', { episodeKind: 'training', amountCents: 2000 })];
    const lines = costLines(person('p', { episodes: [episode('training', '2009', '2010-06-30')] }), tariffs, endOf(2012));
    expect(new Date(at('2009').mid).toISOString()).toBe('2009-07-02T11:59:59.999Z');
    // 2009 — mid: 2 Jul to 31 Dec = 183 days; min (latest start, 31 Dec): 1 day; max (earliest start, 1 Jan): 365 days.
    // 2010 — 1 Jan to 30 Jun = 181 days in every scenario.
    expect(show(lines)).toEqual(['T/2009 366000 [2000..730000]', 'T/2010 362000 [362000..362000]']);
  });

  it('given an episode ending after the cut-off, then only the days up to the cut-off count', () => {
    const tariffs = [tariff('T', { episodeKind: 'training', amountCents: 100 })];
    const lines = costLines(person('p', { episodes: [episode('training', '2012-12-22', '2013-02-01')] }), tariffs, endOf(2012));
    expect(show(lines)).toEqual(['T/2012 1000 [1000..1000]']);
  });

  it('given a hospital stay with no known discharge, then only its start day is costed, flagged endUnknown', () => {
    const tariffs = [tariff('H', { episodeKind: 'hospital_stay', amountCents: 80000 })];
    const [line, ...rest] = costLines(person('p', { episodes: [episode('hospital_stay', '2004-05-10', 'unknown')] }), tariffs, endOf(2012));
    expect(rest).toEqual([]);
    expect(line).toMatchObject({ year: 2004, amountCents: { mid: 80000, min: 80000, max: 80000 }, endUnknown: true });
  });

  it('given a tariff withdrawn on 10 Jan 2008, then it applies up to and including that day, and not after', () => {
    const tariffs = [tariff('R', { episodeKind: 'rehabilitation', amountCents: 10000, validFrom: '2008-01-01', withdrawnAt: '2008-01-10' })];
    const lines = costLines(person('p', { episodes: [episode('rehabilitation', '2008-01-05', '2008-01-20'), episode('rehabilitation', '2008-02-01', '2008-02-03')] }), tariffs, endOf(2012));
    // 5 to 10 January: 6 days × 100.00; the February episode finds no tariff in force.
    expect(show(lines)).toEqual(['R/2008 60000 [60000..60000]']);
  });

  it('given a tariff valid before the episode only, then nothing is costed', () => {
    const tariffs = [tariff('old', { episodeKind: 'training', amountCents: 100, validTo: '2005-12-31' })];
    expect(costLines(person('p', { episodes: [episode('training', '2007', '2007')] }), tariffs, endOf(2012))).toEqual([]);
  });

  it('given a cost window from the cohort entry, then days before the entry are not counted', () => {
    const tariffs = [tariff('C', { episodeKind: 'care_follow_up', amountCents: 100 })];
    const lines = costLines(person('p', { episodes: [episode('care_follow_up', '2012-01-01', '2012-01-31')] }), tariffs, endOf(2012), { from: Date.parse('2012-01-22') });
    expect(show(lines)).toEqual(['C/2012 1000 [1000..1000]']);
  });
});

describe('cost lines: per event', () => {
  it('given a job coaching assigned on a known day, then its tariff is charged once, at the start', () => {
    const tariffs = [tariff('J', { episodeKind: 'job_coaching', basis: 'per_event', amountCents: 30000 })];
    const lines = costLines(person('p', { episodes: [episode('job_coaching', '2011-03-15', '2012-06-30')] }), tariffs, endOf(2012));
    expect(show(lines)).toEqual(['J/2011 30000 [30000..30000]']);
  });

  it('given a coaching dated "2011" and a tariff change on 1 July 2011, then mid uses the tariff at the midpoint, min and max those at the bounds', () => {
    const tariffs = [
      tariff('J1', { episodeKind: 'job_coaching', basis: 'per_event', amountCents: 25000, validTo: '2011-06-30' }),
      tariff('J2', { episodeKind: 'job_coaching', basis: 'per_event', amountCents: 30000, validFrom: '2011-07-01' }),
    ];
    const lines = costLines(person('p', { episodes: [episode('job_coaching', '2011', 'open')] }), tariffs, endOf(2012));
    // Midpoint 2 July 2011 → J2; 1 Jan 2011 → J1; 31 Dec 2011 → J2.
    expect(show(lines)).toEqual(['J2/2011 30000 [25000..30000]']);
  });
});

describe('cost lines: which tariff applies', () => {
  const ORG = 'org-hospital';
  const stay = episode('hospital_stay', '2010-03-01', '2010-03-03', { organisationId: ORG, details: { kind: 'psychiatric' } });
  const generic = tariff('generic', { episodeKind: 'hospital_stay', amountCents: 80000, funder: 'Assurance maladie' });
  const bySetting = tariff('setting', { episodeKind: 'hospital_stay', setting: 'Psychiatric', amountCents: 90000, funder: 'Assurance maladie' });
  const byOrg = tariff('org', { episodeKind: 'hospital_stay', organisationId: ORG, amountCents: 95000, funder: 'Assurance maladie' });
  const byBoth = tariff('both', { episodeKind: 'hospital_stay', organisationId: ORG, setting: 'psychiatric', amountCents: 100000, funder: 'Assurance maladie' });
  const costed = (...tariffs: ReturnType<typeof tariff>[]) => show(costLines(person('p', { episodes: [stay] }), tariffs, endOf(2012)));

  it('given tariffs of every specificity for one funder, then organisation + setting > organisation > setting > kind only (3 days)', () => {
    expect(costed(generic, bySetting, byOrg, byBoth)).toEqual(['both/2010 300000 [300000..300000]']);
    expect(costed(generic, bySetting, byOrg)).toEqual(['org/2010 285000 [285000..285000]']);
    expect(costed(generic, bySetting)).toEqual(['setting/2010 270000 [270000..270000]']);
    expect(costed(generic)).toEqual(['generic/2010 240000 [240000..240000]']);
  });

  it('given tariffs of another organisation or setting, then they do not apply', () => {
    expect(costed(tariff('elsewhere', { episodeKind: 'hospital_stay', organisationId: 'other', amountCents: 1 }), tariff('detox', { episodeKind: 'hospital_stay', setting: 'detox', amountCents: 1 }))).toEqual([]);
  });

  it('given a second funder, then each funder pays by its own most specific tariff', () => {
    const mutuelle = tariff('mutuelle', { episodeKind: 'hospital_stay', amountCents: 2000, funder: 'Mutuelle' });
    expect(costed(generic, byOrg, mutuelle)).toEqual(['mutuelle/2010 6000 [6000..6000]', 'org/2010 285000 [285000..285000]']);
  });

  it('given an ACI workshop, then the State aid per insertion post (setting ACI) prices it beside the workshop tariff', () => {
    const aci = tariff('aci', { episodeKind: 'insertion_post', setting: 'ACI', amountCents: 6554, funder: 'État', illustrative: false });
    const workshop = tariff('ws', { episodeKind: 'workshop', amountCents: 1000 });
    const lines = costLines(person('p', { episodes: [episode('workshop', '2025-01-01', '2025-01-10', { details: { measure: 'ACI' } })] }), [aci, workshop], endOf(2025));
    expect(show(lines)).toEqual(['aci/2025 65540 [65540..65540]', 'ws/2025 10000 [10000..10000]']);
    expect(lines.find((l) => l.tariffId === 'aci')?.illustrative).toBe(false);
  });

  it('given a harm-reduction follow-up, then a harm_reduction tariff beats the generic care follow-up tariff', () => {
    const tariffs = [tariff('generic', { episodeKind: 'care_follow_up', amountCents: 500 }), tariff('hr', { episodeKind: 'harm_reduction', amountCents: 300 })];
    const lines = costLines(person('p', { episodes: [episode('care_follow_up', '2010-01-01', '2010-01-02', { details: { setting: 'harm_reduction' } })] }), tariffs, endOf(2012));
    expect(show(lines)).toEqual(['hr/2010 600 [600..600]']);
  });
});

describe('cost lines: recorded costs', () => {
  it('given a recorded cost linked to an episode, then it is a line of its own and replaces that funder’s estimate for the episode', () => {
    const workshop = episode('workshop', '2010-01-01', '2010-01-10', { organisationId: 'org-ws' });
    const costs = [
      { when: at('2010-01'), amountCents: 123456, currency: 'EUR', funder: 'Region', category: 'employment', episodeId: workshop.episodeId },
      { when: at('2010'), amountCents: 5000, currency: 'EUR', funder: 'CPAS', category: 'housing', episodeId: null },
      { when: at('2013'), amountCents: 999, currency: 'EUR', funder: 'CPAS', category: 'housing', episodeId: null },
    ];
    const tariffs = [tariff('ws', { episodeKind: 'workshop', amountCents: 1000, funder: 'Region' }), tariff('state', { episodeKind: 'workshop', amountCents: 100, funder: 'State' })];
    const lines = costLines(person('p', { episodes: [workshop], costs }), tariffs, endOf(2012));
    expect(show(lines)).toEqual(['recorded/2010 123456 [123456..123456]', 'recorded/2010 5000 [5000..5000]', 'state/2010 1000 [1000..1000]']);
    expect(lines.filter((l) => l.source === 'recorded').map((l) => [l.field, l.category, l.organisationId ?? null, l.illustrative])).toEqual([
      ['employment', 'employment', 'org-ws', false],
      ['social', 'housing', null, false],
    ]);
  });
});
