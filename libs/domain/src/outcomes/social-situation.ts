import type { CohortMember } from '../cohorts/membership.js';
import { HOUSING_STATUSES, INCOME_SOURCES } from '../person/events.js';
import type { ProtectedValue } from '../statistics/index.js';
import { indicator } from './indicator.js';
import { lastKnownAt } from './outcome-time.js';
import { publishBreakdown, shareOf, type PublishedBreakdown } from './publication.js';

/** Housing that is not stable (DOMAIN.md §4): the first Process tier needs a home. */
export const UNSTABLE_HOUSING: readonly string[] = ['street', 'squat', 'emergency_shelter', 'prison'];

export function housingAtCutoff(member: CohortMember, cutoff: number): string | null {
  return lastKnownAt(member.summary.housing, cutoff)?.status ?? null;
}

export function incomeAtCutoff(member: CohortMember, cutoff: number): string | null {
  return lastKnownAt(member.summary.income, cutoff)?.source ?? null;
}

export interface SituationAtCutoff<K extends string> {
  readonly persons: PublishedBreakdown<K>;
  /** Each status among members whose status is known. */
  readonly shares: Readonly<Record<K, ProtectedValue | null>>;
}

function situation<K extends string>(members: readonly CohortMember[], keys: readonly K[], of: (m: CohortMember) => string | null): SituationAtCutoff<K | 'unknown'> {
  const all = [...keys, 'unknown' as const];
  const counts = Object.fromEntries(all.map((k) => [k, 0])) as Record<K | 'unknown', number>;
  for (const member of members) {
    const status = of(member);
    counts[status !== null && (keys as readonly string[]).includes(status) ? (status as K) : 'unknown'] += 1;
  }
  const persons = publishBreakdown(counts);
  return { persons, shares: Object.fromEntries(all.map((k) => [k, shareOf(persons, k, ['unknown'])])) as Record<K | 'unknown', ProtectedValue | null> };
}

export const housingSituation = indicator({
  name: 'housingSituation',
  version: 1,
  definition: 'Members by their last housing status (HousingStatusChanged) recorded at or before the cut-off, whenever recorded; unknown when none is recorded; shares among members whose status is known.',
  compute: (members: readonly CohortMember[], cutoff: number) => situation(members, HOUSING_STATUSES, (m) => housingAtCutoff(m, cutoff)),
});

export const incomeSituation = indicator({
  name: 'incomeSituation',
  version: 1,
  definition: 'Members by their last main income source (IncomeSourceChanged) recorded at or before the cut-off, whenever recorded; unknown when none is recorded; shares among members whose source is known.',
  compute: (members: readonly CohortMember[], cutoff: number) => situation(members, INCOME_SOURCES, (m) => incomeAtCutoff(m, cutoff)),
});
