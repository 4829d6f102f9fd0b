import type { CohortMember } from '../cohorts/membership.js';
import { isSmallCount, isSuppressed, suppressBreakdown, suppressed, type CellValue, type Suppressed } from '../statistics/index.js';
import { dayOf } from './calendar-days.js';
import type { CostLine } from './cost-line.js';
import { costLines } from './cost-lines.js';
import { COST_OUTCOME_DEFINITIONS, COST_OUTCOMES, outcomeCounts, type CostOutcome } from './cost-outcomes.js';
import { costGroup, costTotals, perPersonSums, type CostGroup, type CostGroupBy } from './cost-totals.js';
import { divideRange, perPersonStatistics, ZERO_RANGE, type AmountRange } from './money.js';
import type { Tariff } from './tariff.js';

/** Whose costs count: the whole path up to the cut-off, or only from each person's cohort entry. */
export const COST_PERIODS = ['path', 'since_entry'] as const;
export type CostPeriod = (typeof COST_PERIODS)[number];

/** The cost lines of every member of a cohort: the expensive part, worth caching per checkpoint. */
export function cohortCostLines(members: readonly CohortMember[], tariffs: readonly Tariff[], cutoff: number, period: CostPeriod = 'path'): CostLine[] {
  return members.flatMap((m) => memberCostLines(m, tariffs, cutoff, period));
}

/** One member's lines. They depend on the summary, the tariffs, the period and the cut-off's day only. */
export function memberCostLines(member: CohortMember, tariffs: readonly Tariff[], cutoff: number, period: CostPeriod): CostLine[] {
  return costLines(member.summary, tariffs, cutoff, period === 'since_entry' ? { from: member.entry.mid } : {});
}

/** The day of a cut-off: lines computed for one cut-off hold for any other on the same day. */
export function costCutoffDay(cutoff: number): number {
  return dayOf(cutoff);
}

export type Protected<T> = T | Suppressed;
export type PersonStatistics = { readonly mean: AmountRange; readonly median: AmountRange };

export interface PublishedCostGroup {
  readonly key: string;
  /** Persons with a cost in the group. */
  readonly persons: CellValue;
  readonly amountCents: Protected<AmountRange>;
  /** Over the persons of the group; null when nobody has a cost. */
  readonly perPerson: Protected<PersonStatistics> | null;
}

export interface PublishedOutcomeCost {
  readonly outcome: CostOutcome;
  readonly definition: string;
  /** Members who reached it. */
  readonly persons: CellValue;
  /** The cohort's total cost ÷ the persons who reached it; null when nobody did. */
  readonly costPerOutcomeCents: Protected<AmountRange> | null;
}

/** What evaluators see of a cohort's costs in one currency: aggregates only, small cells hidden. */
export interface CohortCostView {
  readonly groupBy: CostGroupBy;
  readonly currency: string;
  readonly members: CellValue;
  readonly total: PublishedCostGroup & { readonly perMember: Protected<PersonStatistics> | null };
  readonly groups: readonly PublishedCostGroup[];
  readonly outcomes: readonly PublishedOutcomeCost[];
  /** Currencies other costs are in: never added to this one, ask for them by name. */
  readonly otherCurrencies: readonly string[];
  /** Some amounts come from illustrative (not real) tariffs. */
  readonly illustrative: boolean;
  /** Some episodes have unknown ends and only their start day is costed: amounts are floors. */
  readonly includesUnknownEnds: boolean;
}

/**
 * The published view: every group of persons counted 1–10 is hidden with its amount and
 * statistics, and a second group when one alone is hidden (the groups' amounts add up to the
 * published total, so a lone hidden one would come back by subtraction). The total is hidden
 * when fewer than 11 persons have costs; a figure derived from a hidden one is hidden too.
 */
export function cohortCostView(input: { members: readonly CohortMember[]; lines: readonly CostLine[]; cutoff: number; groupBy: CostGroupBy; currency: string }): CohortCostView {
  const { members, groupBy, currency, cutoff } = input;
  let illustrative = false;
  let includesUnknownEnds = false;
  for (const line of input.lines) {
    if (line.currency !== currency) continue;
    illustrative ||= line.illustrative;
    includesUnknownEnds ||= line.endUnknown;
  }
  // Each person's total, per currency: the cohort total, per-member statistics, other currencies.
  const byCurrency = perPersonSums(input.lines, 'cohort');
  const sums = byCurrency.get(currency)?.get('cohort') ?? new Map<string, AmountRange>();
  const total = publish(sums.size ? costGroup('cohort', currency, [...sums.values()]) : { key: 'cohort', currency, amountCents: ZERO_RANGE, persons: 0, perPerson: null });
  const membersValue: CellValue = isSmallCount(members.length) ? suppressed('small_cell') : members.length;
  const perMember =
    members.length === 0
      ? null
      : isSuppressed(membersValue) || isSuppressed(total.amountCents)
        ? suppressed('derived')
        : perPersonStatistics(members.map((m) => sums.get(m.summary.personId) ?? ZERO_RANGE));

  const groups = costTotals(input.lines, groupBy).filter((g) => g.currency === currency);
  const hidden = suppressBreakdown(groups.map((g) => ({ key: g.key, count: g.persons })));
  const published = groups.map((g, i) => publish(g, hidden.cells[i]!.value));

  const counts = outcomeCounts(members, cutoff);
  const outcomes = COST_OUTCOMES.map((outcome): PublishedOutcomeCost => {
    const reached = counts[outcome];
    const persons = suppressBreakdown([{ key: 'reached', count: reached }, { key: 'not_reached', count: members.length - reached }], members.length).cells[0]!.value;
    const cost = reached === 0 ? null : isSuppressed(persons) || isSuppressed(total.amountCents) ? suppressed('derived') : divideRange(total.amountCents, reached);
    return { outcome, definition: COST_OUTCOME_DEFINITIONS[outcome], persons, costPerOutcomeCents: cost };
  });

  return {
    groupBy,
    currency,
    members: membersValue,
    total: { ...total, perMember },
    groups: published,
    outcomes,
    otherCurrencies: [...byCurrency.keys()].filter((c) => c !== currency).sort(),
    illustrative,
    includesUnknownEnds,
  };
}

function publish(group: Omit<CostGroup, 'perPerson'> & { perPerson: CostGroup['perPerson'] | null }, persons: CellValue = countValue(group.persons)): PublishedCostGroup {
  if (isSuppressed(persons)) return { key: group.key, persons, amountCents: suppressed('derived'), perPerson: suppressed('derived') };
  return { key: group.key, persons, amountCents: group.amountCents, perPerson: group.persons === 0 ? null : group.perPerson };
}

function countValue(count: number): CellValue {
  return isSmallCount(count) ? suppressed('small_cell') : count;
}
