import { describe, expect, it } from '@jest/globals';
import { admissionsByPeriod, hospitalisationGaps, hospitalisationRates } from './hospitalisations.js';
import { alike, at, episode, member, noon, plusDays } from './outcome-fixtures.test-support.js';
import { relapseContainment } from './relapse-containment.js';

const hidden = (reason: string) => ({ suppressed: true, reason });

describe('hospitalisations per person-year, before and after entry', () => {
  // First contact 1 Jan 2006, entry 1 Jan 2010 (1461 days = 4.0001 years), cut-off noon 1 Jan 2012 (730 days = 1.9987 years).
  const CUTOFF = noon('2012-01-01');
  const stays = (...starts: string[]) => starts.map((s) => episode('hospital_stay', s, 'unknown'));
  const typical = () => member('2010-01-01', { firstContact: at('2006-01-01'), episodes: stays('2007-01-01', '2008-01-01', '2011-01-01', '2012-06-01') });

  it('given admissions around entry, then before from first contact, after to the cut-off; later ones unseen', () => {
    const { before, after, since } = admissionsByPeriod(typical(), CUTOFF);
    expect([before.length, after.length, since]).toEqual([2, 1, at('2006-01-01').mid]);
  });

  it('given a vague admission "2009" and an entry in the first half of 2009, then placed by midpoints: after entry', () => {
    const m = member('2009-40', { firstContact: at('2003'), episodes: stays('2009') });
    expect(admissionsByPeriod(m, CUTOFF).after).toHaveLength(1); // 2 Jul 2009 is after 1 Apr 2009
  });

  it('given 12 members alike, then 24 admissions over 48 person-years before (0.5) and 12 over 23.98 after (0.5)', () => {
    const value = hospitalisationRates.compute(alike(12, typical), CUTOFF);
    expect(value.before).toEqual({ persons: { total: 12, counts: { with: 12, without: 0 } }, admissions: 24, personYears: 48, perPersonYear: 0.5 });
    expect(value.after).toEqual({ persons: { total: 12, counts: { with: 12, without: 0 } }, admissions: 12, personYears: 23.98, perPersonYear: 0.5 });
  });

  it('given fewer than 11 admissions in a period, then its count and rate are hidden', () => {
    const cohort = [...alike(3, typical), ...alike(12, () => member('2010-01-01', { firstContact: at('2006-01-01') }))];
    const value = hospitalisationRates.compute(cohort, CUTOFF);
    expect(value.after).toMatchObject({ admissions: hidden('small_cell'), perPersonYear: hidden('derived') });
    expect(value.after.persons.counts).toEqual({ with: hidden('small_cell'), without: hidden('complementary') });
  });

  it('given the same members, then gaps of 365 days before entry and 1096 days after (2008 → 2011, placed by the later admission)', () => {
    expect(hospitalisationGaps.compute(alike(12, typical), CUTOFF)).toEqual({ before: { gaps: 12, medianDays: 365 }, after: { gaps: 12, medianDays: 1096 } });
  });
});

describe('relapse containment', () => {
  const ENTRY = '2010-01-01';
  const CUTOFF = noon('2012-12-31');
  const relapse = (start: string, days: number | 'unknown' | 'open') =>
    episode('relapse', start, typeof days === 'number' ? plusDays(start, days) : days === 'open' ? 'open' : 'unknown');

  it('given 12 relapses contained in 1 … 12 days and 11 not contained, then a median of 6.5 days', () => {
    const cohort = [...alike(12, (i) => member(ENTRY, { episodes: [relapse('2011-03-01', i + 1)] })), ...alike(11, () => member(ENTRY, { episodes: [relapse('2011-05-01', 'unknown')] }))];
    expect(relapseContainment.compute(cohort, CUTOFF)).toEqual({
      relapses: { total: 23, counts: { contained: 12, uncontained: 11 } },
      persons: { total: 23, counts: { with_contained: 12, only_uncontained: 11, without: 0 } },
      medianContainmentDays: 6.5,
    });
  });

  it('given a containment whose midpoint falls before its relapse ("2011" then "February 2011"), then 0 days, not negative', () => {
    const vague = episode('relapse', '2011', '2011-02');
    const cohort = alike(11, () => member(ENTRY, { episodes: [vague] }));
    expect(relapseContainment.compute(cohort, CUTOFF).medianContainmentDays).toBe(0);
  });

  it('given relapses before entry or contained after the cut-off, then not counted, or counted uncontained', () => {
    const cohort = alike(11, () => member(ENTRY, { episodes: [relapse('2009-03-01', 5), episode('relapse', '2012-12-20', '2013-01-10')] }));
    expect(relapseContainment.compute(cohort, CUTOFF).relapses).toEqual({ total: 11, counts: { contained: 0, uncontained: 11 } });
  });
});
