import type { Instant, SummaryEpisode } from '../analytics/person-summary.js';
import type { CohortMember } from '../cohorts/membership.js';
import { DAYS_PER_MONTH, DAYS_PER_YEAR, daysBetweenInstants } from '../parcours/time-arithmetic.js';

/**
 * Time on a cohort's follow-up, shared by every outcome indicator (docs/indicators.md). Dates are
 * compared by their midpoints, as in the parcours view; months and years are calendar averages
 * (the parcours view's DAYS_PER_MONTH and DAYS_PER_YEAR), so "12 months" is the same span for all.
 */
export const DAY_MS = 86_400_000;

/** The follow-up of a member: from their entry to the cohort's cut-off, both included. */
export function inFollowUp(when: Instant | null, member: CohortMember, cutoff: number): when is Instant {
  return when !== null && when.mid >= member.entry.mid && when.mid <= cutoff;
}

/** The instant (ms) k months after a member's entry. */
export function monthsAfterEntry(member: CohortMember, months: number): number {
  return member.entry.mid + months * DAYS_PER_MONTH * DAY_MS;
}

/**
 * Until when an episode counts, seen from the cut-off: its end, the cut-off for open episodes or
 * ends after it, its own start for an unknown end (nothing is assumed beyond what is known, as the
 * parcours view counts months employed).
 */
export function episodeStop(episode: SummaryEpisode, cutoff: number): number {
  if (episode.endStatus === 'open') return cutoff;
  if (episode.endStatus === 'unknown' || episode.end === null) return Math.min(episode.start.mid, cutoff);
  return Math.min(episode.end.mid, cutoff);
}

/** Days an episode lasted by the cut-off (0 when vague dates put its end before its start). */
export function episodeDays(episode: SummaryEpisode, cutoff: number): number {
  return Math.max(0, daysBetweenInstants(episode.start.mid, episodeStop(episode, cutoff)));
}

/** Whole days from one instant to another, for survival times (ties need a common grain). */
export function wholeDaysBetween(from: number, to: number): number {
  return Math.round((to - from) / DAY_MS);
}

export function yearsBetween(from: number, to: number): number {
  return Math.max(0, to - from) / DAY_MS / DAYS_PER_YEAR;
}

/** The last status recorded at or before the cut-off (by midpoint), whenever it was recorded. */
export function lastKnownAt<T extends { readonly when: Instant }>(changes: readonly T[], cutoff: number): T | null {
  let last: T | null = null;
  for (const change of changes) if (change.when.mid <= cutoff && (last === null || change.when.mid >= last.when.mid)) last = change;
  return last;
}
