import type { SummaryEpisode } from '../analytics/person-summary.js';
import type { CohortMember } from '../cohorts/membership.js';
import { median, round } from '../parcours/time-arithmetic.js';
import { CONTRACTS, LABOUR_MARKETS } from '../person/events.js';
import type { ProtectedValue } from '../statistics/index.js';
import { indicator } from './indicator.js';
import { episodeDays, inFollowUp } from './outcome-time.js';
import { protectStatistic, publishBreakdown, publishPersons, shareOf, type PublishedBreakdown } from './publication.js';

/** Jobs that start in a member's follow-up (entry to cut-off, by midpoints), earliest first. */
export function jobsInFollowUp(member: CohortMember, cutoff: number): SummaryEpisode[] {
  return member.summary.episodes.filter((e) => e.kind === 'job' && inFollowUp(e.start, member, cutoff)).sort((a, b) => a.start.mid - b.start.mid);
}

export interface LongestJobTenure {
  readonly persons: PublishedBreakdown<'with' | 'without'>;
  /** Median over members with a job of their longest tenure, in days. */
  readonly medianDays: ProtectedValue | null;
  /** Some jobs have unknown ends and count from start to start: tenures are floors. */
  readonly includesUnknownEnds: boolean;
}

export const longestJobTenure = indicator({
  name: 'longestJobTenure',
  version: 1,
  definition:
    'Among members with a job starting in the follow-up, the median of their longest job tenure in days, from its start midpoint to its end midpoint, open jobs (and jobs ending after the cut-off) counted to the cut-off, jobs with an unknown end counted as 0 days.',
  compute(members: readonly CohortMember[], cutoff: number): LongestJobTenure {
    const longest: number[] = [];
    let includesUnknownEnds = false;
    for (const member of members) {
      const jobs = jobsInFollowUp(member, cutoff);
      if (!jobs.length) continue;
      includesUnknownEnds ||= jobs.some((j) => j.endStatus === 'unknown');
      longest.push(Math.max(...jobs.map((j) => episodeDays(j, cutoff))));
    }
    const persons = publishPersons(longest.length, members.length);
    return { persons, medianDays: protectStatistic([longest.length], () => roundOrNull(median(longest))), includesUnknownEnds };
  },
});

const CONTRACT_KEYS = [...CONTRACTS, 'unknown'] as const;
type ContractKey = (typeof CONTRACT_KEYS)[number];
const MARKET_KEYS = [...LABOUR_MARKETS, 'unknown'] as const;
type MarketKey = (typeof MARKET_KEYS)[number];

export interface FirstJobMix<K extends string> {
  readonly persons: PublishedBreakdown<K>;
  readonly shares: Readonly<Record<K, ProtectedValue | null>>;
}

/** Members hired in the follow-up, by a detail of their first job there ('unknown' when not told). */
function firstJobMix<K extends string>(members: readonly CohortMember[], cutoff: number, keys: readonly K[], detail: string): FirstJobMix<K> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const member of members) {
    const first = jobsInFollowUp(member, cutoff)[0];
    if (!first) continue;
    const value = first.details[detail];
    const key = (keys as readonly unknown[]).includes(value) ? (value as K) : ('unknown' as K);
    counts[key] += 1;
  }
  const persons = publishBreakdown(counts);
  return { persons, shares: Object.fromEntries(keys.map((k) => [k, shareOf(persons, k)])) as Record<K, ProtectedValue | null> };
}

export const contractMix = indicator({
  name: 'contractMix',
  version: 1,
  definition:
    'Members with a job starting in the follow-up, by the contract of the first such job (cdi, cdd, temp, subsidised, apprenticeship, civil_service, cae_salaried, or unknown when not recorded); shares among those members.',
  compute: (members: readonly CohortMember[], cutoff: number): FirstJobMix<ContractKey> => firstJobMix(members, cutoff, CONTRACT_KEYS, 'contract'),
});

export const labourMarket = indicator({
  name: 'labourMarket',
  version: 1,
  definition:
    'Members with a job starting in the follow-up, by the labour market of the first such job: first (ordinary employers), second (social and insertion enterprises), or unknown when not recorded; shares among those members.',
  compute: (members: readonly CohortMember[], cutoff: number): FirstJobMix<MarketKey> => firstJobMix(members, cutoff, MARKET_KEYS, 'labourMarket'),
});

function roundOrNull(value: number | null): number | null {
  return value === null ? null : round(value, 1);
}
