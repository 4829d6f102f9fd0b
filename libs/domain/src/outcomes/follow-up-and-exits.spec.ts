import { describe, expect, it } from '@jest/globals';
import { followUpStatus, lostToFollowUp } from './lost-to-follow-up.js';
import { alike, at, member, noon } from './outcome-fixtures.test-support.js';
import { exitStatus, sortiesDynamiques } from './programme-exits.js';

const ENTRY = '2010-01-01';
const CUTOFF = noon('2012-12-31');
const hidden = (reason: string) => ({ suppressed: true, reason });

describe('lost to follow-up', () => {
  const lost = (from: string, resumed: string | null = null) => ({ lost: at(from), resumed: resumed === null ? null : at(resumed) });

  it('given losses before and after entry, resumed or not by the cut-off, then the status at the cut-off', () => {
    expect(followUpStatus(member(ENTRY, { lostToFollowUp: [lost('2011-01-01')] }), CUTOFF)).toBe('lost_at_cutoff');
    expect(followUpStatus(member(ENTRY, { lostToFollowUp: [lost('2011-01-01', '2011-05-01')] }), CUTOFF)).toBe('lost_then_resumed');
    expect(followUpStatus(member(ENTRY, { lostToFollowUp: [lost('2011-01-01', '2013-05-01')] }), CUTOFF)).toBe('lost_at_cutoff');
    expect(followUpStatus(member(ENTRY, { lostToFollowUp: [lost('2008-01-01')] }), CUTOFF)).toBe('never_lost');
  });

  it('given 11 lost, 11 resumed and 11 never lost, then 2/3 ever lost and 1/3 lost at the cut-off', () => {
    const cohort = [
      ...alike(11, () => member(ENTRY, { lostToFollowUp: [lost('2011-01-01')] })),
      ...alike(11, () => member(ENTRY, { lostToFollowUp: [lost('2011-01-01', '2011-05-01')] })),
      ...alike(11, () => member(ENTRY)),
    ];
    expect(lostToFollowUp.compute(cohort, CUTOFF)).toEqual({
      persons: { total: 33, counts: { lost_at_cutoff: 11, lost_then_resumed: 11, never_lost: 11 } },
      everLostShare: 0.6667,
      lostAtCutoffShare: 0.3333,
    });
  });
});

describe('sorties dynamiques at programme exit', () => {
  const programme = (entered: string, exited: string | null, destination: string | null, programmeId = 'a23') => ({ programmeId, entered: at(entered), exited: exited ? at(exited) : null, destination });

  it('given the programme entered at entry, then its exit; exits after the cut-off or unrecorded destinations told apart', () => {
    expect(exitStatus(member(ENTRY, { programmes: [programme('2005-01-01', '2006-01-01', 'other_exit', 'old'), programme(ENTRY, '2011-06-01', 'durable_employment')] }), CUTOFF)).toBe('durable_employment');
    expect(exitStatus(member(ENTRY, { programmes: [programme(ENTRY, '2013-06-01', 'durable_employment')] }), CUTOFF)).toBe('not_exited');
    expect(exitStatus(member(ENTRY, { programmes: [programme(ENTRY, '2011-06-01', null)] }), CUTOFF)).toBe('unknown');
    expect(exitStatus(member(ENTRY, { programmes: [programme('2010-03-01', '2011-06-01', 'positive_exit')] }), CUTOFF)).toBe('positive_exit');
    expect(exitStatus(member(ENTRY), CUTOFF)).toBe('not_exited');
  });

  it('given 12 durable, 12 positive and 11 not exited, then each destination is half of the exits', () => {
    const cohort = [
      ...alike(12, () => member(ENTRY, { programmes: [programme(ENTRY, '2011-06-01', 'durable_employment')] })),
      ...alike(12, () => member(ENTRY, { programmes: [programme(ENTRY, '2011-06-01', 'positive_exit')] })),
      ...alike(11, () => member(ENTRY, { programmes: [programme(ENTRY, null, null)] })),
    ];
    const value = sortiesDynamiques.compute(cohort, CUTOFF);
    expect(value.persons.counts).toEqual({ durable_employment: 12, transition_employment: 0, positive_exit: 12, other_exit: 0, unknown: 0, not_exited: 11 });
    expect(value.shares).toEqual({ durable_employment: 0.5, transition_employment: 0, positive_exit: 0.5, other_exit: 0, unknown: 0 });
  });

  it('given 3 transitions among them, then hidden with the next smallest cell, and their shares', () => {
    const cohort = [
      ...alike(12, () => member(ENTRY, { programmes: [programme(ENTRY, '2011-06-01', 'durable_employment')] })),
      ...alike(3, () => member(ENTRY, { programmes: [programme(ENTRY, '2011-06-01', 'transition_employment')] })),
      ...alike(11, () => member(ENTRY)),
    ];
    const value = sortiesDynamiques.compute(cohort, CUTOFF);
    expect(value.persons.counts).toMatchObject({ durable_employment: 12, transition_employment: hidden('small_cell'), not_exited: hidden('complementary') });
    expect(value.shares).toMatchObject({ durable_employment: hidden('derived'), transition_employment: hidden('derived') });
  });
});
