import type { SummaryEpisode } from '../analytics/person-summary.js';
import type { CohortMember } from '../cohorts/membership.js';
import type { ProtectedValue } from '../statistics/index.js';
import { indicator } from './indicator.js';
import { monthsAfterEntry } from './outcome-time.js';
import { publishBreakdown, publishedDenominator, shareOf, type PublishedBreakdown } from './publication.js';

/** Months after entry at which employment is looked at (DOMAIN.md §6). */
export const EMPLOYMENT_CHECKPOINTS = [6, 12, 24] as const;

export type EmploymentStatus = 'employed' | 'not_employed' | 'unknown' | 'not_observed';

/**
 * A member's status k months after entry. `unknown`: the last job begun by then has an unknown
 * end (it ended, we do not know when), and no other job covers the date. `not_observed`: the
 * date falls after the cut-off — they cannot have been seen that long, so they leave the
 * denominator rather than count as not employed.
 */
export function employmentStatusAt(member: CohortMember, months: number, cutoff: number): EmploymentStatus {
  const at = monthsAfterEntry(member, months);
  if (at > cutoff) return 'not_observed';
  let latest: SummaryEpisode | null = null;
  for (const job of member.summary.episodes) {
    if (job.kind !== 'job' || job.start.mid > at) continue;
    if (covers(job, at)) return 'employed';
    if (latest === null || job.start.mid >= latest.start.mid) latest = job;
  }
  return latest?.endStatus === 'unknown' ? 'unknown' : 'not_employed';
}

function covers(job: SummaryEpisode, at: number): boolean {
  if (job.endStatus === 'open') return true;
  return job.endStatus === 'ended' && job.end !== null && job.end.mid >= at;
}

export interface EmploymentCheckpoint {
  readonly months: number;
  readonly persons: PublishedBreakdown<EmploymentStatus>;
  /** Members observed that long (employed + not employed + unknown). */
  readonly observed: ProtectedValue;
  /** Employed among the observed; a floor when some statuses are unknown. */
  readonly share: ProtectedValue | null;
}

export const employedAtMonths = indicator({
  name: 'employedAtMonths',
  version: 1,
  definition:
    'For k = 6, 12 and 24 months: members with a job episode covering the date entry + k months (job start midpoint at or before it, and its end midpoint at or after it, or still open), among members observed that long (entry + k months at or before the cut-off); members who entered less than k months before the cut-off are excluded from the denominator, and members whose last job begun by then has an unknown end are counted as unknown (they stay in the denominator).',
  compute(members: readonly CohortMember[], cutoff: number): { readonly checkpoints: readonly EmploymentCheckpoint[] } {
    const checkpoints = EMPLOYMENT_CHECKPOINTS.map((months) => {
      const counts: Record<EmploymentStatus, number> = { employed: 0, not_employed: 0, unknown: 0, not_observed: 0 };
      for (const member of members) counts[employmentStatusAt(member, months, cutoff)] += 1;
      const persons = publishBreakdown(counts);
      return { months, persons, observed: publishedDenominator(persons, ['not_observed']), share: shareOf(persons, 'employed', ['not_observed']) };
    });
    return { checkpoints };
  },
});
