/**
 * Outcome views of a cohort (docs/indicators.md): pure indicators of the members and the
 * cut-off, each with a written definition and a version, published through the small-cell rules.
 */
export { type OutcomeIndicator } from './indicator.js';
export { type PublishedBreakdown } from './publication.js';
export { OUTCOME_INDICATORS, cohortOutcomes, type CohortOutcomes, type OutcomeValues } from './cohort-outcomes.js';
export { EMPLOYMENT_CHECKPOINTS, employedAtMonths, employmentStatusAt, type EmploymentCheckpoint, type EmploymentStatus } from './employment-at-months.js';
export { daysToFirstJob, firstJobObservation, firstJobObservations, type CensorReason, type DaysToFirstJob, type FirstJobObservation } from './first-job-survival.js';
export { contractMix, jobsInFollowUp, labourMarket, longestJobTenure, type FirstJobMix, type LongestJobTenure } from './job-outcomes.js';
export { qualificationsObtained, studiesResumed, trainingCompletion, trainingStatus, type PersonsReaching, type TrainingCompletion, type TrainingStatus } from './training-outcomes.js';
export { admissionsByPeriod, hospitalisationGaps, hospitalisationRates, type AdmissionGaps, type HospitalisationRate } from './hospitalisations.js';
export { relapseContainment, type RelapseContainment } from './relapse-containment.js';
export { followUpStatus, lostToFollowUp, type FollowUpStatus, type LostToFollowUp } from './lost-to-follow-up.js';
export { handoffs, handoffsInFollowUp, type Handoffs } from './handoffs.js';
export { exitStatus, followedProgramme, sortiesDynamiques, type ExitStatus, type SortiesDynamiques } from './programme-exits.js';
export { employabilityTiers, employerContactTier, housingAndIncomeTier, jobKeptTier, KEPT_JOB_MONTHS, type Tier, type TierStatus } from './employability-tiers.js';
export { housingSituation, incomeSituation, UNSTABLE_HOUSING, type SituationAtCutoff } from './social-situation.js';
