import type { CohortMember } from '../cohorts/membership.js';
import { daysBetweenInstants, median } from '../parcours/time-arithmetic.js';
import type { ProtectedValue } from '../statistics/index.js';
import { indicator } from './indicator.js';
import { inFollowUp } from './outcome-time.js';
import { protectStatistic, publishBreakdown, type PublishedBreakdown } from './publication.js';

export interface RelapseContainment {
  /** Relapses in the follow-up: contained by the cut-off, or not (no containment recorded yet). */
  readonly relapses: PublishedBreakdown<'contained' | 'uncontained'>;
  /**
   * Members by their relapses in the follow-up: at least one contained (the people the median
   * describes), only uncontained ones, none. One partition, so no count comes out by difference.
   */
  readonly persons: PublishedBreakdown<'with_contained' | 'only_uncontained' | 'without'>;
  readonly medianContainmentDays: ProtectedValue | null;
}

/**
 * Relapses starting in the follow-up and the days to their containment (RelapseContained), the
 * speed L822 reports ("rechutes … endiguées beaucoup plus rapidement"). Vague dates can put a
 * containment's midpoint before its relapse's: such a containment counts 0 days, not negative.
 */
export const relapseContainment = indicator({
  name: 'relapseContainment',
  version: 1,
  definition:
    'Relapses starting in the follow-up (start midpoint between entry and cut-off): contained when a containment is recorded at or before the cut-off, else uncontained; the median days from relapse to containment (midpoints, at least 0) over the contained relapses.',
  compute(members: readonly CohortMember[], cutoff: number): RelapseContainment {
    const days: number[] = [];
    let uncontained = 0;
    let withRelapse = 0;
    let withContained = 0;
    for (const member of members) {
      const relapses = member.summary.episodes.filter((e) => e.kind === 'relapse' && inFollowUp(e.start, member, cutoff));
      if (!relapses.length) continue;
      withRelapse += 1;
      let contained = false;
      for (const r of relapses) {
        if (r.endStatus === 'ended' && r.end !== null && r.end.mid <= cutoff) {
          days.push(Math.max(0, daysBetweenInstants(r.start.mid, r.end.mid)));
          contained = true;
        } else uncontained += 1;
      }
      if (contained) withContained += 1;
    }
    const relapses = publishBreakdown({ contained: days.length, uncontained }, { persons: withRelapse });
    const persons = publishBreakdown({ with_contained: withContained, only_uncontained: withRelapse - withContained, without: members.length - withRelapse });
    return { relapses, persons, medianContainmentDays: protectStatistic([days.length, withContained], () => median(days)) };
  },
});
