import type { CohortMember } from '../cohorts/membership.js';
import type { ProtectedValue } from '../statistics/index.js';
import { indicator } from './indicator.js';
import { inFollowUp } from './outcome-time.js';
import { publishBreakdown, publishedDenominator, ratio, type PublishedBreakdown } from './publication.js';

export type FollowUpStatus = 'lost_at_cutoff' | 'lost_then_resumed' | 'never_lost';

/** Losses to follow-up after entry: one still running at the cut-off, all resumed by then, or none. */
export function followUpStatus(member: CohortMember, cutoff: number): FollowUpStatus {
  const losses = member.summary.lostToFollowUp.filter((p) => inFollowUp(p.lost, member, cutoff));
  if (!losses.length) return 'never_lost';
  return losses.some((p) => p.resumed === null || p.resumed.mid > cutoff) ? 'lost_at_cutoff' : 'lost_then_resumed';
}

export interface LostToFollowUp {
  /** One partition of the members: "ever lost" is the sum of the first two. */
  readonly persons: PublishedBreakdown<FollowUpStatus>;
  readonly everLostShare: ProtectedValue | null;
  readonly lostAtCutoffShare: ProtectedValue | null;
}

export const lostToFollowUp = indicator({
  name: 'lostToFollowUp',
  version: 1,
  definition:
    'Members with a loss to follow-up (LostToFollowUp) in the follow-up: lost at the cut-off when one of those losses is not resumed (FollowUpResumed) by the cut-off, lost then resumed otherwise; shares of ever lost and of lost at the cut-off among all members.',
  compute(members: readonly CohortMember[], cutoff: number): LostToFollowUp {
    const counts: Record<FollowUpStatus, number> = { lost_at_cutoff: 0, lost_then_resumed: 0, never_lost: 0 };
    for (const member of members) counts[followUpStatus(member, cutoff)] += 1;
    const persons = publishBreakdown(counts);
    return {
      persons,
      everLostShare: ratio(publishedDenominator(persons, ['never_lost']), persons.total),
      lostAtCutoffShare: ratio(persons.counts.lost_at_cutoff, persons.total),
    };
  },
});
