import { describe, expect, it } from '@jest/globals';
import { handoffs, handoffsInFollowUp } from './handoffs.js';
import { alike, episode, member, noon } from './outcome-fixtures.test-support.js';

const CUTOFF = noon('2012-12-31');
const at = (organisationId: string) => ({ organisationId, organisationName: organisationId });

// Entry 1 Jul 2009, at the workshop. The care follow-up began long before and still runs.
const path = () =>
  member('2009-07-01', {
    episodes: [
      episode('rehabilitation', '2006-01-01', '2006-06-01', at('crf')),
      episode('care_follow_up', '2006-09-01', 'open', at('csapa')),
      episode('workshop', '2009-07-01', '2011-01-15', at('a23')),
      episode('internship', '2011-01-01', '2011-06-30', at('cpas')),
      episode('relapse', '2011-03-01', '2011-03-10'),
      episode('job', '2011-07-15', 'open', at('employer')),
      episode('training', '2012-01-01', 'unknown', at('school')),
      episode('hospital_stay', '2012-06-01', '2012-06-10', at('hospital')),
    ],
  });

describe('hand-offs after entry (the parcours view\'s articulation rule)', () => {
  it('given overlapping, separated and unknown hand-offs, then each by the rule; relapses and hand-offs before entry aside', () => {
    const found = handoffsInFollowUp(path(), CUTOFF).map((h) => [h.fromField, h.toField, h.relation, h.days?.days ?? null]);
    expect(found).toEqual([
      ['care', 'employment', 'overlap', 563], // the follow-up still runs: overlaps the whole workshop (1 Jul 2009 → 15 Jan 2011)
      ['employment', 'employment', 'overlap', 14], // internship from 1 Jan, workshop until 15 Jan: a tuilage
      ['employment', 'employment', 'gap', 15], // internship ended 30 Jun, job from 15 Jul
      ['employment', 'training', 'overlap', null], // the job still runs; the training's end is unknown
      ['training', 'care', 'unknown', null], // the training's end is unknown
    ]);
  });

  it('given consecutive episodes in the same field and service, then no hand-off', () => {
    const m = member('2010-01-01', { episodes: [episode('job', '2010-02-01', '2010-06-01', at('x')), episode('job', '2010-07-01', 'open', at('x'))] });
    expect(handoffsInFollowUp(m, CUTOFF)).toEqual([]);
  });

  it('given 11 such members, then 33 overlaps, 11 gaps, 11 unknown; overlap share among known 0.75; medians 15 and 288.5 days', () => {
    expect(handoffs.compute(alike(11, path), CUTOFF)).toEqual({
      handoffs: { total: 55, counts: { overlap: 33, gap: 11, unknown: 11 } },
      persons: 11,
      overlapShare: 0.75,
      medianGapDays: 15,
      medianOverlapDays: 288.5, // 11 × 14 and 11 × 563 days
    });
  });

  it('given fewer than 11 members with hand-offs, then their count and the medians are hidden', () => {
    const value = handoffs.compute(alike(4, path), CUTOFF);
    expect(value.persons).toEqual({ suppressed: true, reason: 'small_cell' });
    expect(value.medianGapDays).toEqual({ suppressed: true, reason: 'derived' });
  });
});
