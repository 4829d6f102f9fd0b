import type { CostLine } from './cost-line.js';
import { perPersonStatistics, type AmountRange } from './money.js';

export const COST_GROUP_BY = ['person', 'field', 'category', 'funder', 'organisation', 'year', 'cohort'] as const;
export type CostGroupBy = (typeof COST_GROUP_BY)[number];

/** Lines without an organisation (recorded costs of no episode, episodes of unregistered services). */
export const UNKNOWN_ORGANISATION = 'unknown';

/**
 * One group of a breakdown, in one currency. Per-person statistics describe the persons
 * contributing to the group (those with a cost line in it): evaluators get the distribution,
 * never a row per person.
 */
export interface CostGroup {
  readonly key: string;
  readonly currency: string;
  readonly amountCents: AmountRange;
  readonly persons: number;
  readonly perPerson: { readonly mean: AmountRange; readonly median: AmountRange };
}

export function groupKey(line: CostLine, groupBy: CostGroupBy): string {
  switch (groupBy) {
    case 'person':
      return line.personId;
    case 'field':
      return line.field;
    case 'category':
      return line.category;
    case 'funder':
      return line.funder;
    case 'organisation':
      return line.organisationId ?? UNKNOWN_ORGANISATION;
    case 'year':
      return String(line.year);
    case 'cohort':
      return 'cohort';
  }
}

type Sums = { mid: number; min: number; max: number };
type GroupSums = { readonly persons: Map<string, Sums>; lastPerson: string | undefined; lastSums: Sums | undefined };

/**
 * Each person's sum, by currency and group, in one pass accumulated in place. A person's lines
 * come together (costLines gives them per person), so each group remembers the last person it
 * saw and looks a person up once, not once per line: this is the hot loop of cohort views.
 */
export function perPersonSums(lines: readonly CostLine[], groupBy: CostGroupBy): Map<string, Map<string, Map<string, Sums>>> {
  const byCurrency = new Map<string, Map<string, GroupSums>>();
  for (const line of lines) {
    let groups = byCurrency.get(line.currency);
    if (!groups) byCurrency.set(line.currency, (groups = new Map()));
    const key = groupKey(line, groupBy);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { persons: new Map(), lastPerson: undefined, lastSums: undefined }));
    let sums = group.lastPerson === line.personId ? group.lastSums : group.persons.get(line.personId);
    if (!sums) group.persons.set(line.personId, (sums = { mid: 0, min: 0, max: 0 }));
    group.lastPerson = line.personId;
    group.lastSums = sums;
    sums.mid += line.amountCents.mid;
    sums.min += line.amountCents.min;
    sums.max += line.amountCents.max;
  }
  return new Map([...byCurrency].map(([currency, groups]) => [currency, new Map([...groups].map(([key, g]) => [key, g.persons]))]));
}

/**
 * Totals by group and currency. Currencies are never added together: a group with costs in two
 * currencies is two groups. Sorted by currency, then key.
 */
export function costTotals(lines: readonly CostLine[], groupBy: CostGroupBy): CostGroup[] {
  const groups: CostGroup[] = [];
  for (const [currency, byKey] of [...perPersonSums(lines, groupBy)].sort(([a], [b]) => compare(a, b))) {
    for (const [key, persons] of [...byKey].sort(([a], [b]) => compare(a, b))) groups.push(costGroup(key, currency, [...persons.values()]));
  }
  return groups;
}

/** A group from its persons' sums. */
export function costGroup(key: string, currency: string, perPerson: readonly AmountRange[]): CostGroup {
  return { key, currency, amountCents: sumOf(perPerson), persons: perPerson.length, perPerson: perPersonStatistics(perPerson) };
}

function sumOf(amounts: readonly AmountRange[]): AmountRange {
  let mid = 0;
  let min = 0;
  let max = 0;
  for (const a of amounts) {
    mid += a.mid;
    min += a.min;
    max += a.max;
  }
  return { mid, min, max };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
