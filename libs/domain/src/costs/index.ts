/**
 * The cost model (docs/costs.md): tariffs applied to the episodes of a person's summary, costs
 * recorded, totals by group, cost per outcome, and the published (suppressed) cohort view.
 */
export { type AmountRange, divideHalfEven, medianCents } from './money.js';
export { type Tariff, tariffFromState, tariffDays } from './tariff.js';
export { TARIFF_KINDS_OF_EPISODE, episodeSetting, matchingTariffs, tariffsOnDay, type MatchedTariff } from './tariff-matching.js';
export { COST_FIELDS, COST_CATEGORY_OF_EPISODE, COST_FIELD_OF_CATEGORY, costLine, type CostCategory, type CostField, type CostLine } from './cost-line.js';
export { episodeCostDays, type CostWindow, type EpisodeCostDays } from './episode-days.js';
export { costLines, type CostLinesOptions } from './cost-lines.js';
export { COST_GROUP_BY, UNKNOWN_ORGANISATION, costTotals, groupKey, perPersonSums, type CostGroup, type CostGroupBy } from './cost-totals.js';
export { COST_OUTCOMES, COST_OUTCOME_DEFINITIONS, outcomeCounts, reachedOutcome, type CostOutcome } from './cost-outcomes.js';
export {
  COST_PERIODS,
  cohortCostLines,
  cohortCostView,
  costCutoffDay,
  memberCostLines,
  type CohortCostView,
  type CostPeriod,
  type PersonStatistics,
  type Protected,
  type PublishedCostGroup,
  type PublishedOutcomeCost,
} from './cohort-cost-view.js';
