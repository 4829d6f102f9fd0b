import { describe, expect, it } from '@jest/globals';
import { isSuppressed } from '../statistics/suppression.js';
import { protectedDistribution, protectedTransitions } from './sequence-statistics.js';

const repeat = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

/** Every published count in 1–10 would be a disclosure: scan the whole result. */
function publishedSmallCounts(value: unknown): number[] {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 10 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(publishedSmallCounts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(publishedSmallCounts);
  return [];
}

describe('sequence statistics for evaluators', () => {
  // 12 people stay without an employment measure for three months; 12 are hired in month 1.
  const sequences = [...repeat(12, ['U', 'U', 'U']), ...repeat(12, ['U', 'J', 'J'])];

  it('given large cells, when computing transition rates, then they are seqtrate\'s, unsuppressed', () => {
    const t = protectedTransitions('employment', sequences);
    const j = t.states.indexOf('J');
    const u = t.states.indexOf('U');
    // From U: 24 U→U (12 × 2) and 12 U→J, so 36 months in U with a known successor.
    expect(t.counts[u]![u]).toBe(24);
    expect(t.counts[u]![j]).toBe(12);
    expect(t.fromTotals[u]).toBe(36);
    expect(t.rates[u]![u]).toBeCloseTo(2 / 3, 12);
    expect(t.rates[u]![j]).toBeCloseTo(1 / 3, 12);
    expect(t.rates[j]![j]).toBe(1);
    // Never followed by a known state: undefined, not 0.
    expect(t.rates[t.states.indexOf('W')]).toEqual(repeat(6, null));
  });

  it('given a large count that concerns few people, when computing transition rates, then it is hidden as a small cell', () => {
    // 12 people as above, and one person whose 30 months in work would otherwise be published.
    const t = protectedTransitions('employment', [...sequences, repeat(31, 'W')]);
    const w = t.states.indexOf('W');
    expect(t.counts[w]![w]).toEqual(expect.objectContaining({ suppressed: true }));
    expect(t.fromTotals[w]).toEqual(expect.objectContaining({ suppressed: true }));
    expect(t.rates[w]![w]).toEqual(expect.objectContaining({ suppressed: true }));
    // The 24 people behind U→U, U→J and J→J keep their figures.
    expect(t.counts[t.states.indexOf('U')]![t.states.indexOf('U')]).toBe(24);
  });

  it('given large cells, when computing the distribution per month, then counts, shares and entropy are seqstatd\'s', () => {
    const [m0, m1] = protectedDistribution('employment', sequences);
    expect(m0).toMatchObject({ month: 0, followed: 24, counts: { U: 24, J: 0 }, missing: 0, shares: { U: 1, J: 0 }, entropy: 0 });
    expect(m1).toMatchObject({ month: 1, followed: 24, counts: { U: 12, J: 12 }, shares: { U: 0.5, J: 0.5 } });
    expect(m1!.entropy).toBeCloseTo(Math.log(2) / Math.log(6), 12);
  });

  it('given one person in a workshop, then no count of 1-10 is published and shares computed from hidden counts are hidden', () => {
    const withOne = [...sequences, ['U', 'W', 'U']];
    const t = protectedTransitions('employment', withOne);
    const d = protectedDistribution('employment', withOne);
    expect(publishedSmallCounts({ counts: t.counts, totals: [t.fromTotals, t.toTotals, t.total] })).toEqual([]);
    expect(publishedSmallCounts(d.map((m) => [m.counts, m.followed, m.missing]))).toEqual([]);
    const w = t.states.indexOf('W');
    expect(t.rates[w]!.every((rate) => rate === null || isSuppressed(rate))).toBe(true);
    expect(isSuppressed(d[1]!.counts['W'])).toBe(true);
    expect(isSuppressed(d[1]!.shares['W'])).toBe(true);
    expect(isSuppressed(d[1]!.entropy)).toBe(true);
  });
});
