export { kaplanMeier, NORMAL_QUANTILE_95, type KaplanMeierCurve, type KaplanMeierStep, type SurvivalObservation } from './kaplan-meier.js';
export type { KaplanMeierMedian } from './kaplan-meier-median.js';
export { protectKaplanMeier, type ProtectedKaplanMeierCurve, type ProtectedKaplanMeierStep } from './kaplan-meier-suppression.js';
export type { SequenceOptions, StateSequence } from './state-sequences.js';
export { transitionRates, type TransitionRates } from './transition-rates.js';
export { stateDistribution, type StateDistribution, type StateDistributionAt } from './state-distribution.js';
export {
  SMALL_CELL_THRESHOLD,
  isSmallCount,
  isSuppressed,
  protectDerived,
  suppressBreakdown,
  suppressed,
  type BreakdownCell,
  type CellValue,
  type ProtectedValue,
  type Suppressed,
  type SuppressedBreakdown,
  type SuppressionOptions,
  type SuppressionReason,
} from './suppression.js';
export { suppressTable, type SuppressedTable } from './suppression-table.js';
export { published, publishedCount, publishedDeep, type Published } from '../statistics/published-value.js';
