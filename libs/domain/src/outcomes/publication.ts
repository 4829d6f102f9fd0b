import { round } from '../parcours/time-arithmetic.js';
import {
  isSmallCount,
  isSuppressed,
  protectDerived,
  suppressBreakdown,
  suppressed,
  type CellValue,
  type ProtectedValue,
} from '../statistics/index.js';

/**
 * How outcome indicators publish figures about people, through the statistics module's rules
 * (docs/statistics.md): counts of 1–10 hidden, a second cell hidden when one alone could be
 * recovered from its breakdown's total, and any figure computed from a hidden count hidden too.
 */

/** A partition of people (or of stays, trainings, hand-offs) with its published total. */
export interface PublishedBreakdown<K extends string> {
  readonly total: CellValue;
  readonly counts: Readonly<Record<K, CellValue>>;
}

/**
 * Every key is a cell, in the order given: the total is their sum, so subtraction is covered.
 * Counts of things people live through (stays, trainings, hand-offs) name `persons`, how many
 * people they are about: under 11 the whole breakdown is hidden, since 20 hand-offs of 5 people
 * still describe those 5.
 */
export function publishBreakdown<K extends string>(counts: Readonly<Record<K, number>>, options: { readonly persons?: number } = {}): PublishedBreakdown<K> {
  const keys = Object.keys(counts) as K[];
  const total = keys.reduce((sum, key) => sum + counts[key], 0);
  if (options.persons !== undefined && isSmallCount(options.persons)) {
    return { total: suppressed('small_cell'), counts: Object.fromEntries(keys.map((key) => [key, suppressed('small_cell')])) as Record<K, CellValue> };
  }
  const published = suppressBreakdown(
    keys.map((key) => ({ key, count: counts[key] })),
    total,
  );
  return {
    total: published.total ?? total,
    counts: Object.fromEntries(published.cells.map((cell) => [cell.key, cell.value])) as Record<K, CellValue>,
  };
}

/** A lone count (a cohort's size, a number of stays): hidden from 1 to 10, or when about fewer than 11 `persons`. */
export function publishCount(count: number, options: { readonly persons?: number } = {}): CellValue {
  return isSmallCount(count) || (options.persons !== undefined && isSmallCount(options.persons)) ? suppressed('small_cell') : count;
}

/**
 * The share of `key` among the breakdown less the `excluded` keys (e.g. employed among those
 * observed long enough). The denominator is taken from published values only: the sum of the
 * included cells when all are shown, else the total less the excluded cells when those are shown,
 * else hidden. Null when the denominator is 0 (no one to take a share of).
 */
export function shareOf<K extends string>(breakdown: PublishedBreakdown<K>, key: K, excluded: readonly K[] = []): ProtectedValue | null {
  return ratio(breakdown.counts[key], publishedDenominator(breakdown, excluded));
}

/** numerator ÷ denominator to 4 decimals, hidden when either is; null when the denominator is 0. */
export function ratio(numerator: ProtectedValue, denominator: ProtectedValue): ProtectedValue | null {
  if (denominator === 0) return null;
  return protectDerived([numerator, denominator], (n, d) => round(n / d, 4));
}

export function publishedDenominator<K extends string>(breakdown: PublishedBreakdown<K>, excluded: readonly K[] = []): ProtectedValue {
  const keys = Object.keys(breakdown.counts) as K[];
  const included = keys.filter((k) => !excluded.includes(k)).map((k) => breakdown.counts[k]);
  if (!included.some(isSuppressed)) return (included as number[]).reduce((a, b) => a + b, 0);
  return protectDerived([breakdown.total, ...excluded.map((k) => breakdown.counts[k])], (total, ...others) => total - others.reduce((a, b) => a + b, 0));
}

/**
 * A statistic (a median) over a group is published only when the group, and every count it rests
 * on (people, stays), is at least 11: a median of fewer describes them one by one. The sizes are
 * the true ones: a group hidden only as a complement of another cell still has its median shown,
 * which says nothing of the hidden cell. Null when there is nothing to compute.
 */
export function protectStatistic(sizes: readonly number[], compute: () => number | null): ProtectedValue | null {
  if (sizes.some((size) => isSmallCount(size))) return suppressed('derived');
  return compute();
}

/** Persons with and without something: the usual yes/no breakdown over the whole cohort. */
export function publishPersons(withIt: number, members: number): PublishedBreakdown<'with' | 'without'> {
  return publishBreakdown({ with: withIt, without: members - withIt });
}

/** Events per person-year: hidden with its count; null without person-time. */
export function protectDerivedRate(count: CellValue, personYears: ProtectedValue): ProtectedValue | null {
  if (personYears === 0) return null;
  return protectDerived([count, personYears], (c, years) => round(c / years, 3));
}
