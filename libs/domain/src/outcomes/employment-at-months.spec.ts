import { describe, expect, it } from '@jest/globals';
import { employedAtMonths, employmentStatusAt } from './employment-at-months.js';
import { alike, episode, member, noon } from './outcome-fixtures.test-support.js';

const CUTOFF = noon('2012-12-31');

describe('employed at 6, 12 and 24 months after entry', () => {
  // Entry 1 Jan 2010 (midpoint noon): 6 months = 3 Jul 2010, 12 months ≈ 1 Jan 2011, 24 months ≈ 1 Jan 2012.
  const status = (m: ReturnType<typeof member>) => [6, 12, 24].map((k) => employmentStatusAt(m, k, CUTOFF));

  it('given a job open since before entry, then employed at every checkpoint', () => {
    expect(status(member('2010-01-01', { episodes: [episode('job', '2009-06-01', 'open')] }))).toEqual(['employed', 'employed', 'employed']);
  });

  it('given a job ended between checkpoints, then employed while it ran and not after', () => {
    expect(status(member('2010-01-01', { episodes: [episode('job', '2010-03-01', '2010-12-31')] }))).toEqual(['employed', 'not_employed', 'not_employed']);
  });

  it('given an entry less than k months before the cut-off, then not observed at k (out of the denominator)', () => {
    expect(status(member('2012-06-01'))).toEqual(['not_employed', 'not_observed', 'not_observed']);
  });

  it('given a job dated "July 2010", then it counts from its midpoint (16 July), after the 6-month point (3 July)', () => {
    expect(status(member('2010-01-01', { episodes: [episode('job', '2010-07', 'open')] }))).toEqual(['not_employed', 'employed', 'employed']);
  });

  it('given a job with an unknown end, then unknown until a later job covers the date', () => {
    const m = member('2010-01-01', { episodes: [episode('job', '2010-02-01', 'unknown'), episode('job', '2011-06-01', 'open')] });
    expect(status(m)).toEqual(['unknown', 'unknown', 'employed']);
  });

  it('given overlapping jobs, then a member counts once', () => {
    const m = member('2010-01-01', { episodes: [episode('job', '2010-02-01', 'open'), episode('job', '2010-05-01', '2010-09-01')] });
    const members = alike(12, () => m);
    const [six] = employedAtMonths.compute(members, CUTOFF).checkpoints;
    expect(six!.persons).toEqual({ total: 12, counts: { employed: 12, not_employed: 0, unknown: 0, not_observed: 0 } });
  });

  it('given 27 members, then shares among the observed; a small not-observed cell hides a second cell and the shares', () => {
    const employed = (i: number) => member('2010-01-01', { episodes: [episode('job', '2010-02-01', 'open')] }, `e${i}`);
    const idle = (i: number) => member('2010-01-01', {}, `i${i}`);
    const late = (i: number) => member('2012-06-01', {}, `l${i}`);
    const cohort = [...alike(12, employed), ...alike(12, idle), ...alike(3, late)];
    const [six, twelve] = employedAtMonths.compute(cohort, CUTOFF).checkpoints;
    // At 6 months everyone is observed: 12 employed, 15 not (12 idle + 3 late entrants): 12/27.
    expect(six).toEqual({ months: 6, persons: { total: 27, counts: { employed: 12, not_employed: 15, unknown: 0, not_observed: 0 } }, observed: 27, share: 0.4444 });
    // At 12 months the 3 late entrants are not observed: 3 is hidden, and a 12 too (else 27 − 12 − 12 − 0 = 3).
    expect(twelve!.persons.total).toBe(27);
    expect(twelve!.persons.counts).toEqual({
      employed: { suppressed: true, reason: 'complementary' },
      not_employed: 12,
      unknown: 0,
      not_observed: { suppressed: true, reason: 'small_cell' },
    });
    expect(twelve!.observed).toEqual({ suppressed: true, reason: 'derived' });
    expect(twelve!.share).toEqual({ suppressed: true, reason: 'derived' });
  });
});
