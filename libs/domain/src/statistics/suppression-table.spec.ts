import { describe, expect, it } from '@jest/globals';
import { recoverableByLinearAlgebra, recoverableBySubtraction } from './disclosure-attack.test-support.js';
import { isSuppressed, type CellValue } from './suppression.js';
import { suppressTable, type SuppressedTable } from './suppression-table.js';

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** What a naive publisher would do: hide the counts of 1–10 and nothing else. */
function primaryOnly(counts: number[][]): SuppressedTable {
  const hide = (count: number): CellValue => (count > 0 && count < 11 ? { suppressed: true, reason: 'small_cell' } : count);
  const columns = counts[0]!.map((_, column) => sum(counts.map((line) => line[column]!)));
  return { cells: counts.map((line) => line.map(hide)), rowTotals: counts.map((line) => hide(sum(line))), columnTotals: columns.map(hide), grandTotal: hide(sum(columns)) };
}

function expectSafe(table: SuppressedTable): void {
  expect(recoverableBySubtraction(table).size).toBe(0);
  expect(recoverableByLinearAlgebra(table)).toEqual([]);
}

const hiddenPositions = (table: SuppressedTable): string[] =>
  table.cells.flatMap((line, row) => line.flatMap((value, column) => (isSuppressed(value) ? [`${row},${column}`] : [])));

describe('suppressTable (two dimensions, with row, column and grand totals)', () => {
  it('closes a row and a column that would each give a lone small cell away', () => {
    // Programmes × outcomes. Only the 3 is small; naively, row 0 (total 53) and column 0 (total 30) both give it back.
    const counts = [
      [3, 20, 30],
      [15, 25, 40],
      [12, 18, 22],
    ];
    expect(recoverableBySubtraction(primaryOnly(counts)).get('0,0')).toBe(3);

    const table = suppressTable(counts);
    expectSafe(table);
    // Row 0: the 3 and the next smallest (20); column 0 then has 3 and needs 12; row 2 and column 1
    // then each hold one hidden cell (12, 20) and close on 18.
    expect(hiddenPositions(table)).toEqual(['0,0', '0,1', '2,0', '2,1']);
    expect(table.cells[0]![0]).toEqual({ suppressed: true, reason: 'small_cell' });
    expect(table.cells[0]![1]).toEqual({ suppressed: true, reason: 'complementary' });
    expect(table.rowTotals).toEqual([53, 80, 52]);
    expect(table.grandTotal).toBe(185);
  });

  it('closes a hidden cell joining two closed groups, which line-by-line subtraction cannot see', () => {
    // Small cells form two 2×2 blocks joined by the 6 at (1,2): every row and column has two or
    // more hidden cells, yet rows 0+1 minus columns 0+1 leave the 6 alone.
    const counts = [
      [2, 3, 25, 30, 40],
      [4, 5, 6, 35, 45],
      [20, 22, 7, 8, 50],
      [24, 26, 9, 1, 55],
      [30, 31, 32, 33, 60],
    ];
    const naive = primaryOnly(counts);
    expect(recoverableBySubtraction(naive).size).toBe(0);
    expect(recoverableByLinearAlgebra(naive)).toEqual(['1,2']);

    const table = suppressTable(counts);
    expectSafe(table);
    // The smallest value linking the two blocks is the 20 at (2,0).
    expect(table.cells[2]![0]).toEqual({ suppressed: true, reason: 'complementary' });
  });

  it('hides totals under 11 and protects them like cells', () => {
    const counts = [
      [2, 3, 0],
      [20, 30, 40],
    ];
    const table = suppressTable(counts);
    expect(table.rowTotals[0]).toEqual({ suppressed: true, reason: 'small_cell' });
    expect(table.cells[0]![2]).toBe(0);
    expectSafe(table);
  });

  it('stays safe on tables with many small cells and zeros', () => {
    const tables = [
      [[1, 0, 14], [0, 2, 30], [16, 17, 5]],
      [[5, 5], [5, 5]],
      [[12, 0, 0, 4], [13, 11, 40, 0], [0, 9, 14, 22]],
      [[7]],
      [[30, 2, 50, 60, 1, 70]],
    ];
    for (const counts of tables) expectSafe(suppressTable(counts));
  });

  it('publishes a table without small counts unchanged', () => {
    expect(suppressTable([[11, 0], [20, 12]])).toEqual({ cells: [[11, 0], [20, 12]], rowTotals: [11, 32], columnTotals: [31, 12], grandTotal: 43 });
  });

  it('rejects ragged or empty tables and non-counts', () => {
    expect(() => suppressTable([])).toThrow(RangeError);
    expect(() => suppressTable([[1, 2], [3]])).toThrow(/Row 1 has 1 cells/);
    expect(() => suppressTable([[1, -2]])).toThrow(RangeError);
  });
});

describe('suppressTable on generated tables', () => {
  /** A small deterministic generator (LCG), so a failure can be replayed. */
  function generator(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }

  it('never leaves a hidden value recoverable by any combination of the published equations', () => {
    const random = generator(20240611);
    for (let n = 0; n < 300; n++) {
      const rows = 1 + Math.floor(random() * 5);
      const columns = 1 + Math.floor(random() * 5);
      // A third zeros, a third small counts, a third large ones: many small cells, many shapes.
      const counts = Array.from({ length: rows }, () =>
        Array.from({ length: columns }, () => {
          const kind = random();
          return kind < 0.3 ? 0 : kind < 0.65 ? 1 + Math.floor(random() * 10) : 11 + Math.floor(random() * 60);
        }),
      );
      const table = suppressTable(counts);
      expect({ counts, recoverable: recoverableByLinearAlgebra(table) }).toEqual({ counts, recoverable: [] });
      // Every count of 1–10, totals included, is hidden.
      const published = [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.grandTotal];
      expect(published.filter((value) => typeof value === 'number' && value > 0 && value < 11)).toEqual([]);
    }
  });
});
