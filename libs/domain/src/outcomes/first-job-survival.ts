import type { CohortMember } from '../cohorts/membership.js';
import { round } from '../parcours/time-arithmetic.js';
import { kaplanMeier, protectKaplanMeier, type ProtectedKaplanMeierCurve, type Suppressed } from '../statistics/index.js';
import { indicator } from './indicator.js';
import { inFollowUp, wholeDaysBetween } from './outcome-time.js';
import { publishBreakdown, type PublishedBreakdown } from './publication.js';

export type CensorReason = 'cutoff' | 'lost_to_follow_up';

/** One member's line of the survival data: what a researcher's `id,time,event,censor_reason` holds. */
export interface FirstJobObservation {
  readonly personId: string;
  /** Whole days from entry to the first job start, or to the censoring. */
  readonly time: number;
  readonly event: boolean;
  readonly censorReason: CensorReason | null;
}

/**
 * Days from entry to the first job starting in the follow-up. Without one, the member is
 * censored — not dropped — at their first loss to follow-up after entry that was not resumed
 * by the cut-off, else at the cut-off. A job recorded after such a loss still counts as the
 * event: the hire is known, and censoring stands only for what is not.
 */
export function firstJobObservation(member: CohortMember, cutoff: number): FirstJobObservation {
  const { summary, entry } = member;
  let firstJob: number | null = null;
  for (const e of summary.episodes) if (e.kind === 'job' && inFollowUp(e.start, member, cutoff) && (firstJob === null || e.start.mid < firstJob)) firstJob = e.start.mid;
  if (firstJob !== null) return { personId: summary.personId, time: wholeDaysBetween(entry.mid, firstJob), event: true, censorReason: null };
  const lost = summary.lostToFollowUp
    .filter((p) => inFollowUp(p.lost, member, cutoff) && (p.resumed === null || p.resumed.mid > cutoff))
    .reduce<number | null>((first, p) => (first === null || p.lost.mid < first ? p.lost.mid : first), null);
  if (lost !== null) return { personId: summary.personId, time: wholeDaysBetween(entry.mid, lost), event: false, censorReason: 'lost_to_follow_up' };
  return { personId: summary.personId, time: Math.max(0, wholeDaysBetween(entry.mid, cutoff)), event: false, censorReason: 'cutoff' };
}

export function firstJobObservations(members: readonly CohortMember[], cutoff: number): FirstJobObservation[] {
  return members.map((m) => firstJobObservation(m, cutoff));
}

type Ending = 'hired' | 'censored_cutoff' | 'censored_lost_to_follow_up';

export interface DaysToFirstJob {
  readonly persons: PublishedBreakdown<Ending>;
  /**
   * Kaplan–Meier curve in days, cut where fewer than 11 remain at risk; hidden under 11 members.
   * Steps at the times it drops, and its last time.
   */
  readonly curve: ProtectedKaplanMeierCurve | Suppressed<'small_cell'>;
  /** Median days to first job and its 95% CI (print.survfit's), null when not reached. */
  readonly median: ProtectedKaplanMeierCurve['median'] | Suppressed<'small_cell'>;
}

/**
 * The published curve keeps the times where it drops, as summary.survfit prints it, and its last
 * time (how far it is shown); figures to 6 decimals. Over 20,000 paths and years of follow-up,
 * every day with a censoring would otherwise be a step: a curve of megabytes saying nothing more.
 */
function compact<C extends ProtectedKaplanMeierCurve | Suppressed<'small_cell'>>(curve: C, eventTimes: ReadonlySet<number>): C {
  if (!('steps' in curve)) return curve;
  const six = (x: number | null) => (x === null ? null : round(x, 6));
  const steps = curve.steps
    .filter((s, i, all) => eventTimes.has(s.time) || i === all.length - 1)
    .map((s) => ({ time: s.time, nRisk: s.nRisk, survival: round(s.survival, 6), stdErr: six(s.stdErr), lower: six(s.lower), upper: six(s.upper) }));
  return { ...curve, steps };
}

export const daysToFirstJob = indicator({
  name: 'daysToFirstJob',
  version: 1,
  definition:
    'Kaplan–Meier estimate of the days from entry to the start of the first job (Hired) in the follow-up, in whole days between midpoints; members without one are censored at their first loss to follow-up after entry not resumed by the cut-off (censor_reason lost_to_follow_up), else at the cut-off (censor_reason cutoff). Median and 95% confidence interval as R survfit (log interval, Greenwood variance).',
  compute(members: readonly CohortMember[], cutoff: number): DaysToFirstJob {
    const observations = firstJobObservations(members, cutoff);
    const counts: Record<Ending, number> = { hired: 0, censored_cutoff: 0, censored_lost_to_follow_up: 0 };
    for (const o of observations) counts[o.event ? 'hired' : o.censorReason === 'lost_to_follow_up' ? 'censored_lost_to_follow_up' : 'censored_cutoff'] += 1;
    const full = kaplanMeier(observations);
    const curve = compact(protectKaplanMeier(full), new Set(full.steps.filter((s) => s.events > 0).map((s) => s.time)));
    return { persons: publishBreakdown(counts), curve, median: 'steps' in curve ? curve.median : curve };
  },
});
