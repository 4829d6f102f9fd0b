import type { CohortMember } from '../cohorts/membership.js';
import type { CellValue } from '../statistics/index.js';
import { daysToFirstJob } from './first-job-survival.js';
import { employabilityTiers } from './employability-tiers.js';
import { employedAtMonths } from './employment-at-months.js';
import { handoffs } from './handoffs.js';
import { hospitalisationGaps, hospitalisationRates } from './hospitalisations.js';
import type { OutcomeIndicator } from './indicator.js';
import { contractMix, labourMarket, longestJobTenure } from './job-outcomes.js';
import { lostToFollowUp } from './lost-to-follow-up.js';
import { sortiesDynamiques } from './programme-exits.js';
import { publishCount } from './publication.js';
import { relapseContainment } from './relapse-containment.js';
import { housingSituation, incomeSituation } from './social-situation.js';
import { qualificationsObtained, studiesResumed, trainingCompletion } from './training-outcomes.js';

/** Every outcome indicator of a cohort, in the order docs/indicators.md presents them. */
export const OUTCOME_INDICATORS = [
  employedAtMonths,
  daysToFirstJob,
  longestJobTenure,
  contractMix,
  labourMarket,
  trainingCompletion,
  qualificationsObtained,
  studiesResumed,
  hospitalisationRates,
  hospitalisationGaps,
  relapseContainment,
  lostToFollowUp,
  handoffs,
  sortiesDynamiques,
  employabilityTiers,
  housingSituation,
  incomeSituation,
] as const;

type Indicators = (typeof OUTCOME_INDICATORS)[number];
type ValueOf<I> = I extends OutcomeIndicator<string, infer V> ? V : never;

/** Each indicator's figures under its name, with the version and definition they were computed by. */
export type OutcomeValues = {
  readonly [I in Indicators as I['name']]: { readonly version: number; readonly definition: string } & ValueOf<I>;
};

export interface CohortOutcomes {
  /** The cohort's size, hidden under 11: every indicator below is then mostly hidden too. */
  readonly members: CellValue;
  readonly cutoff: number;
  readonly indicators: OutcomeValues;
}

/** All outcome indicators of a cohort at its cut-off; suppression already applied (reasons kept, for audit). */
export function cohortOutcomes(members: readonly CohortMember[], cutoff: number): CohortOutcomes {
  const indicators = Object.fromEntries(
    OUTCOME_INDICATORS.map((i: OutcomeIndicator) => [i.name, { version: i.version, definition: i.definition, ...i.compute(members, cutoff) }]),
  ) as OutcomeValues;
  return { members: publishCount(members.length), cutoff, indicators };
}
