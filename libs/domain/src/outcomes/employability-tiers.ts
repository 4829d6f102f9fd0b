import type { CohortMember } from '../cohorts/membership.js';
import type { EpisodeKind } from '../person/events.js';
import type { ProtectedValue } from '../statistics/index.js';
import { indicator } from './indicator.js';
import { jobsInFollowUp } from './job-outcomes.js';
import { DAYS_PER_MONTH } from '../parcours/time-arithmetic.js';
import { episodeDays, episodeStop } from './outcome-time.js';
import { publishBreakdown, shareOf, type PublishedBreakdown } from './publication.js';
import { housingAtCutoff, incomeAtCutoff, UNSTABLE_HOUSING } from './social-situation.js';

/**
 * Employability tiers after Luxembourg's "Process" project (L1225-1292), an interpretation from
 * the data Parcours holds: the source's first tier (housing, papers, an employment-office file,
 * a CV, four diagnostic interviews) is reduced to housing and income, since papers and files are
 * not recorded; its second (interviews with employers, applications, a training towards the
 * second labour market) to an episode in contact with employers; its third ("obtenir un emploi
 * (sur le premier marché) et s'y maintenir") to a job kept six months. Each tier is counted on its
 * own, as Process reported them (290, 153 and 104 of 307 persons).
 */
export type TierStatus = 'reached' | 'not_reached' | 'unknown';

export function housingAndIncomeTier(member: CohortMember, cutoff: number): TierStatus {
  const housing = housingAtCutoff(member, cutoff);
  const income = incomeAtCutoff(member, cutoff);
  if ((housing !== null && UNSTABLE_HOUSING.includes(housing)) || income === 'none') return 'not_reached';
  return housing === null || income === null ? 'unknown' : 'reached';
}

const EMPLOYER_CONTACT: readonly EpisodeKind[] = ['workshop', 'internship', 'job_coaching', 'job'];

export function employerContactTier(member: CohortMember, cutoff: number): TierStatus {
  const inContact = member.summary.episodes.some(
    (e) => EMPLOYER_CONTACT.includes(e.kind) && e.start.mid <= cutoff && Math.max(e.start.mid, episodeStop(e, cutoff)) >= member.entry.mid,
  );
  return inContact ? 'reached' : 'not_reached';
}

export const KEPT_JOB_MONTHS = 6;

export function jobKeptTier(member: CohortMember, cutoff: number): TierStatus {
  const kept = jobsInFollowUp(member, cutoff).some((j) => j.details['labourMarket'] !== 'second' && episodeDays(j, cutoff) >= KEPT_JOB_MONTHS * DAYS_PER_MONTH);
  return kept ? 'reached' : 'not_reached';
}

export interface Tier {
  readonly persons: PublishedBreakdown<TierStatus>;
  /** Reached among all members, as Process reported its tiers. */
  readonly share: ProtectedValue | null;
}

export const employabilityTiers = indicator({
  name: 'employabilityTiers',
  version: 1,
  definition:
    'Three tiers after the Process project (Luxembourg), each counted on its own among all members, as an interpretation: tier 1 (housing and income), the last housing status at the cut-off is known and not street, squat, emergency shelter or prison, and the last income source is known and not none (unknown when either is unrecorded and neither rules it out); tier 2 (contact with employers), a workshop, internship, job coaching or job running at some time between entry and the cut-off; tier 3 (job kept), a job starting in the follow-up, not on the second labour market, lasting at least 6 months (open jobs to the cut-off).',
  compute(members: readonly CohortMember[], cutoff: number): { readonly tier1: Tier; readonly tier2: Tier; readonly tier3: Tier } {
    const tier = (status: (m: CohortMember, c: number) => TierStatus): Tier => {
      const counts: Record<TierStatus, number> = { reached: 0, not_reached: 0, unknown: 0 };
      for (const member of members) counts[status(member, cutoff)] += 1;
      const persons = publishBreakdown(counts);
      return { persons, share: shareOf(persons, 'reached') };
    };
    return { tier1: tier(housingAndIncomeTier), tier2: tier(employerContactTier), tier3: tier(jobKeptTier) };
  },
});
