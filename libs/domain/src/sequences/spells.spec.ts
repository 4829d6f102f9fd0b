import { describe, expect, it } from '@jest/globals';
import { personSequence, type PersonSequence } from './person-sequences.js';
import { episode, member, ms, person } from './sequence-fixtures.test-support.js';
import { spellsOf, type Spell } from './spells.js';

/** What TraMineR's seqformat(from = "SPELL", to = "STS") does: each spell fills positions begin..end. */
function expand(spells: readonly Spell[], length: number): string[] {
  const states: string[] = Array.from({ length }, () => '?');
  for (const s of spells) for (let p = s.begin; p <= s.end; p++) states[p - 1] = s.status;
  return states;
}

const sequenceOf = (p: ReturnType<typeof person>, field: 'employment' | 'care', cutoff: string): PersonSequence =>
  personSequence(member(p, '2010-01-01'), field, 'entry', ms(cutoff));

describe('spells (TraMineR SPELL format)', () => {
  it('given a job from the first half of 2010 to October, then runs with positions from 1 and bounds from the imprecise dates', () => {
    // Months 0-11 of 2010: U in Jan-Mar, J from April (midpoint of "2010-40") to October, U after.
    const sequence = sequenceOf(person('a', { episodes: [episode('job', '2010-40', '2010-10')] }), 'employment', '2010-12-15T00:00:00Z');
    expect(spellsOf(sequence)).toEqual([
      // Cut by the origin at its begin; its end is the day before the job began: January (clipped) to June.
      { status: 'U', begin: 1, end: 3, beginLower: 1, beginUpper: 1, endLower: 1, endUpper: 5 },
      // The job begins somewhere in January-June (positions 1-6) and ends in October (10).
      { status: 'J', begin: 4, end: 10, beginLower: 1, beginUpper: 6, endLower: 10, endUpper: 10 },
      // Begins the month after the job ended; ends at the cut-off, exactly.
      { status: 'U', begin: 11, end: 12, beginLower: 11, beginUpper: 11, endLower: 12, endUpper: 12 },
    ]);
  });

  it('given an unknown end, then the spell has no upper bound for its end', () => {
    const sequence = sequenceOf(person('b', { episodes: [episode('hospital_stay', '2010-03', 'unknown')] }), 'care', '2010-05-31T00:00:00Z');
    expect(spellsOf(sequence)[1]).toEqual({ status: 'H', begin: 3, end: 3, beginLower: 3, beginUpper: 3, endLower: 3, endUpper: null });
    expect(spellsOf(sequence)[2]).toMatchObject({ status: '-', begin: 4, beginLower: 4, beginUpper: null });
  });

  it('given an open episode, then its spell ends at the cut-off, exactly', () => {
    const sequence = sequenceOf(person('c', { episodes: [episode('care_follow_up', '2009', 'open')] }), 'care', '2010-04-30T00:00:00Z');
    expect(spellsOf(sequence)).toEqual([{ status: 'C', begin: 1, end: 4, beginLower: 1, beginUpper: 1, endLower: 4, endUpper: 4 }]);
  });

  it('given a higher state interrupting a lower one, then the boundary comes from the start of the higher', () => {
    const sequence = sequenceOf(person('d', { episodes: [episode('job_coaching', '2009', 'open'), episode('job', '2010-03', '2010-04')] }), 'employment', '2010-06-30T00:00:00Z');
    expect(spellsOf(sequence)).toEqual([
      { status: 'K', begin: 1, end: 2, beginLower: 1, beginUpper: 1, endLower: 2, endUpper: 2 },
      { status: 'J', begin: 3, end: 4, beginLower: 3, beginUpper: 3, endLower: 4, endUpper: 4 },
      { status: 'K', begin: 5, end: 6, beginLower: 5, beginUpper: 5, endLower: 6, endUpper: 6 },
    ]);
  });

  it('expands back to exactly the monthly states, as seqformat would', () => {
    const p = person('e', {
      episodes: [episode('workshop', '2009-41', '2011-02'), episode('job_coaching', '2010-06', 'open'), episode('internship', '2010', '2010-10'), episode('job', '2011-04', 'unknown')],
    });
    const sequence = sequenceOf(p, 'employment', '2011-12-31T00:00:00Z');
    expect(expand(spellsOf(sequence), sequence.months.states.length)).toEqual(sequence.months.states);
    for (const s of spellsOf(sequence)) {
      for (const bound of [s.beginLower, s.beginUpper, s.endLower, s.endUpper]) if (bound !== null) expect(bound).toBeGreaterThanOrEqual(1);
    }
  });
});
