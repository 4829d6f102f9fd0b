import { describe, expect, it } from '@jest/globals';
import { isSuppressed, protectDerived, suppressBreakdown, type CellValue } from './suppression.js';

const S = { suppressed: true, reason: 'small_cell' } as const;
const C = { suppressed: true, reason: 'complementary' } as const;

/** A reader's attack on a breakdown: Σ cells = total (known even when not published) has one unknown. */
function recoverable(values: readonly CellValue[], total: CellValue | undefined): boolean {
  const unknowns = values.filter(isSuppressed).length + (total !== undefined && isSuppressed(total) ? 1 : 0);
  return unknowns === 1;
}

describe('suppressBreakdown (one dimension, with its total)', () => {
  it('hides the next smallest cell when a single small cell would be recoverable by subtraction', () => {
    // Naive primary suppression would publish 100, ?, 50, 47: the hidden 3 is 100 − 97.
    const naive: CellValue[] = [S, 50, 47];
    expect(recoverable(naive, 100)).toBe(true);

    const result = suppressBreakdown([{ key: 'relapse', count: 3 }, { key: 'stable', count: 50 }, { key: 'left', count: 47 }], 100);
    expect(result).toEqual({ cells: [{ key: 'relapse', value: S }, { key: 'stable', value: 50 }, { key: 'left', value: C }], total: 100 });
    expect(recoverable(result.cells.map((c) => c.value), result.total)).toBe(false);
  });

  it('needs no complementary cell when two cells are small already', () => {
    const result = suppressBreakdown([{ key: 'a', count: 3 }, { key: 'b', count: 4 }, { key: 'c', count: 93 }], 100);
    expect(result.cells.map((c) => c.value)).toEqual([S, S, 93]);
  });

  it('shows zeros, and does not pick a zero as the complementary cell while a cell with people remains', () => {
    const result = suppressBreakdown([{ key: 'a', count: 0 }, { key: 'b', count: 3 }, { key: 'c', count: 97 }], 100);
    expect(result.cells.map((c) => c.value)).toEqual([0, S, C]);
    expect(recoverable(result.cells.map((c) => c.value), result.total)).toBe(false);
  });

  it('hides a total under 11 with its cells', () => {
    const result = suppressBreakdown([{ key: 'a', count: 3 }, { key: 'b', count: 4 }, { key: 'c', count: 0 }], 7);
    expect(result).toEqual({ cells: [{ key: 'a', value: S }, { key: 'b', value: S }, { key: 'c', value: 0 }], total: S });
  });

  it('falls back to a zero as the complement when no other cell has people in it', () => {
    // Total not published but known (5): with 0, 0, 0 shown, a hidden 5 would be read off it.
    const result = suppressBreakdown([{ key: 'a', count: 0 }, { key: 'b', count: 5 }, { key: 'c', count: 0 }, { key: 'd', count: 0 }]);
    expect(result.cells.map((c) => c.value)).toEqual([C, S, 0, 0]);
    expect(recoverable(result.cells.map((c) => c.value), undefined)).toBe(false);
  });

  it('still protects a lone small cell when the total is not published (the cohort size is known elsewhere)', () => {
    const result = suppressBreakdown([{ key: 'a', count: 8 }, { key: 'b', count: 30 }, { key: 'c', count: 12 }]);
    expect(result).toEqual({ cells: [{ key: 'a', value: S }, { key: 'b', value: 30 }, { key: 'c', value: C }] });
  });

  it('publishes everything when no count is between 1 and 10', () => {
    expect(suppressBreakdown([{ key: 'a', count: 11 }, { key: 'b', count: 0 }], 11)).toEqual({ cells: [{ key: 'a', value: 11 }, { key: 'b', value: 0 }], total: 11 });
  });

  it('honours the threshold and suppressZeros options', () => {
    expect(suppressBreakdown([{ key: 'a', count: 4 }, { key: 'b', count: 6 }], 10, { threshold: 5 }).cells.map((c) => c.value)).toEqual([S, C]);
    expect(suppressBreakdown([{ key: 'a', count: 0 }, { key: 'b', count: 20 }, { key: 'c', count: 30 }], 50, { suppressZeros: true }).cells.map((c) => c.value)).toEqual([S, C, 30]);
  });

  it('rejects counts that are not counts and a total that is not the sum', () => {
    expect(() => suppressBreakdown([{ key: 'a', count: -1 }])).toThrow(RangeError);
    expect(() => suppressBreakdown([{ key: 'a', count: 1.5 }])).toThrow(RangeError);
    expect(() => suppressBreakdown([{ key: 'a', count: 12 }], 20)).toThrow(/must equal the sum/);
  });
});

describe('protectDerived (shares and means from counts)', () => {
  it('computes the figure from published counts', () => {
    expect(protectDerived([30, 120], (part, whole) => part / whole)).toBe(0.25);
  });

  it('hides a figure computed from a hidden count, whatever it is', () => {
    const { cells, total } = suppressBreakdown([{ key: 'relapse', count: 3 }, { key: 'stable', count: 50 }, { key: 'left', count: 47 }], 100);
    const shares = cells.map((cell) => protectDerived([cell.value, total!], (part, whole) => part / whole));
    expect(shares).toEqual([{ suppressed: true, reason: 'derived' }, 0.5, { suppressed: true, reason: 'derived' }]);
  });
});
