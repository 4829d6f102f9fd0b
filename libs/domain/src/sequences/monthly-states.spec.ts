import { describe, expect, it } from '@jest/globals';
import { MISSING_STATE } from './alphabet.js';
import { monthlyStates, stateInMonth } from './monthly-states.js';
import { personSequence } from './person-sequences.js';
import { episode, member, ms, person, at } from './sequence-fixtures.test-support.js';
import { stateSpans } from './state-spans.js';

const cutoff = ms('2010-06-20T00:00:00Z');

describe('monthly states', () => {
  it('given a hospital stay and a rehabilitation inside a follow-up, when months overlap, then the highest precedence wins', () => {
    // Months from the entry (2010-01): Jan Feb Mar Apr May Jun. March has C, H and R: H wins.
    // April has C and R (R until 5 April): R wins. The follow-up began before the entry: it counts from month 0.
    const p = person('a', {
      episodes: [episode('care_follow_up', '2009', 'open'), episode('hospital_stay', '2010-03-10', '2010-03-12'), episode('rehabilitation', '2010-03-20', '2010-04-05')],
    });
    const sequence = personSequence(member(p, '2010-01-15'), 'care', 'entry', cutoff);
    expect(sequence.months.states).toEqual(['C', 'C', 'H', 'R', 'C', 'C']);
  });

  it('given imprecise dates, then each counts at its midpoint', () => {
    // "2010-40" is the first half of 2010: lower 1 Jan, upper 30 June, midpoint 1 April (month 3).
    // "2010" ends at its midpoint, early July (month 6).
    const p = person('b', { episodes: [episode('job', '2010-40', '2010')] });
    const sequence = personSequence(member(p, '2010-01-01'), 'employment', 'entry', ms('2010-09-30T00:00:00Z'));
    expect(sequence.months.states).toEqual(['U', 'U', 'U', 'J', 'J', 'J', 'J', 'U', 'U']);
  });

  it('given an open episode, then it runs to the cut-off; given an unknown end, then it counts in its start month only', () => {
    const p = person('c', { episodes: [episode('workshop', '2010-02-10', 'open'), episode('job', '2010-04-02', 'unknown')] });
    const sequence = personSequence(member(p, '2010-01-01'), 'employment', 'entry', cutoff);
    expect(sequence.months.states).toEqual(['U', 'W', 'W', 'J', 'W', 'W']);
  });

  it('given episodes before the origin or after the cut-off, then they count nowhere; months outside the window are missing', () => {
    const p = person('d', { episodes: [episode('training', '2008-01', '2009-06'), episode('training', '2010-09', 'open'), episode('training', '2010-05-31', '2010-06-01')] });
    const sequence = personSequence(member(p, '2010-01-01'), 'training', 'entry', cutoff);
    // A training from 31 May to 1 June touches one day of each month: both count.
    expect(sequence.months.states).toEqual(['-', '-', '-', '-', 'T', 'T']);
    expect(stateInMonth(sequence.months, -1)).toBe(MISSING_STATE);
    expect(stateInMonth(sequence.months, 6)).toBe(MISSING_STATE);
    expect(stateInMonth(sequence.months, 5)).toBe('T');
  });

  it('given a cut-off before the origin, then nothing is observed', () => {
    const p = person('e', { episodes: [episode('training', '2010-01', 'open')] });
    expect(personSequence(member(p, '2011-01-01'), 'training', 'entry', cutoff).months.states).toEqual([]);
  });

  it('given the first-contact origin, then months count from the first recorded fact', () => {
    const p = person('f', { firstContact: at('2009-11-05'), episodes: [episode('training', '2010-01-10', '2010-01-20')] });
    const sequence = personSequence(member(p, '2010-03-01'), 'training', 'first_contact', ms('2010-03-31T00:00:00Z'));
    expect(sequence.months.states).toEqual(['-', '-', 'T', '-', '-']);
  });

  it('given housing changes, then each status holds until the day before the next; prison outranks any housing', () => {
    // Street from 2009, CHRS from 1 March 2010 (February is all street), an incarceration in May, own flat from June.
    const p = person('g', {
      housing: [
        { when: at('2010-03-01'), status: 'chrs' },
        { when: at('2009'), status: 'street' },
        { when: at('2010-06-10'), status: 'own_tenancy' },
      ],
      episodes: [episode('incarceration', '2010-05-02', '2010-05-20')],
    });
    const sequence = personSequence(member(p, '2010-01-01'), 'social', 'entry', cutoff);
    expect(sequence.months.states).toEqual(['P', 'P', 'A', 'A', 'X', 'A']);
  });

  it('given no housing recorded yet, then the social state is "-"; relapses are events, not states', () => {
    const p = person('h', { housing: [{ when: at('2010-03-15'), status: 'family' }], episodes: [episode('relapse', '2010-02', 'unknown')] });
    expect(personSequence(member(p, '2010-01-01'), 'social', 'entry', cutoff).months.states).toEqual(['-', '-', 'O', 'O', 'O', 'O']);
    expect(personSequence(member(p, '2010-01-01'), 'care', 'entry', cutoff).months.states).toEqual(['-', '-', '-', '-', '-', '-']);
  });

  it('keeps, for each month, which span set its state', () => {
    const p = person('i', { episodes: [episode('job_coaching', '2010-01-05', 'open'), episode('internship', '2010-03-01', '2010-03-31')] });
    const spans = stateSpans(p, 'employment');
    const result = monthlyStates('employment', spans, { origin: ms('2010-01-01T00:00:00Z'), cutoff });
    expect(result.states).toEqual(['K', 'K', 'I', 'K', 'K', 'K']);
    expect(result.winners).toEqual([0, 0, 1, 0, 0, 0]);
  });
});
