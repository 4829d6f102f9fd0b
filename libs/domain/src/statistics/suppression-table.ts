import { assertCount, isSmallCount, suppressed, type CellValue, type Suppressed, type SuppressionOptions } from './suppression.js';

/**
 * Small-cell suppression for a two-dimensional table published with its row totals, column totals
 * and grand total (docs/statistics.md has a worked example).
 *
 * The table and its margins form one (rows+1) × (columns+1) grid whose every line is an equation:
 * each row's cells sum to the row total, each column's to the column total, and the totals to the
 * grand total. Primary suppression hides every count of 1–10, totals included. Then, until stable:
 * 1. a line with exactly one hidden value would give it away by subtraction: hide the smallest
 *    other cell of that line that has people in it, else the line's total, else a zero;
 * 2. even when every line has two hidden values, combining lines can isolate one (two closed
 *    groups of hidden cells joined by a single hidden cell: summing the rows of one group minus its
 *    columns leaves that cell alone). Seen as a graph — rows and columns are nodes, hidden values
 *    are edges — a hidden value is recoverable exactly when its edge is a bridge (on no cycle).
 *    A bridge is closed by hiding the smallest value linking its two sides.
 * What remains is safe from exact recovery by any combination of the published equations. It does
 * not guarantee a wide *interval* for each hidden value (Tau-Argus's protection levels), which a
 * reader could narrow using non-negativity; see docs/statistics.md.
 */
export interface SuppressedTable {
  readonly cells: readonly (readonly CellValue[])[];
  readonly rowTotals: readonly CellValue[];
  readonly columnTotals: readonly CellValue[];
  readonly grandTotal: CellValue;
}

type Reason = Suppressed<'small_cell' | 'complementary'>;
interface Entry {
  readonly row: number;
  readonly column: number;
}

/**
 * How many distinct people stand behind each value, when counts are not people (transitions are
 * person-months: 22 months in work may be one person's). Same layout as the extended grid: the
 * table's rows, each followed by its row total, then the column totals and the grand total.
 */
export type PeopleGrid = readonly (readonly number[])[];

export function suppressTable(counts: readonly (readonly number[])[], options: SuppressionOptions & { readonly people?: PeopleGrid } = {}): SuppressedTable {
  const grid = extendedGrid(counts);
  const rows = grid.length;
  const columns = grid[0]?.length ?? 0;
  // Primary suppression: a small count, or a value of any size that concerns 1-10 people.
  const small = (count: number, row: number, column: number) => isSmallCount(count, options) || (count > 0 && options.people !== undefined && isSmallCount(options.people[row]?.[column] ?? 0, { ...options, suppressZeros: false }));
  const reasons: (Reason | null)[][] = grid.map((line, row) => line.map((count, column) => (small(count, row, column) ? suppressed('small_cell') : null)));
  const valueAt = ({ row, column }: Entry): number => grid[row]?.[column] ?? 0;
  const isHidden = ({ row, column }: Entry): boolean => (reasons[row]?.[column] ?? null) !== null;
  const hide = ({ row, column }: Entry): void => {
    const line = reasons[row];
    if (line) line[column] = suppressed('complementary');
  };
  // Cells with people first, smallest first; then margins; zeros last (a hidden 0 is easily guessed).
  const rank = (entry: Entry): number[] => {
    const tier = valueAt(entry) === 0 ? 2 : isMargin(entry, rows, columns) ? 1 : 0;
    return [tier, valueAt(entry), entry.row * columns + entry.column];
  };
  const smallest = (candidates: Entry[]): Entry | undefined =>
    candidates.filter((entry) => !isHidden(entry)).sort((a, b) => compareRanks(rank(a), rank(b)))[0];

  for (;;) {
    const exposed = lines(rows, columns).find((line) => line.filter(isHidden).length === 1);
    const complement = exposed ? smallest(exposed) : bridgeComplement(rows, columns, isHidden, smallest);
    if (!complement) break;
    hide(complement);
  }
  const publish = (row: number, column: number): CellValue => reasons[row]?.[column] ?? valueAt({ row, column });
  const inner = counts.map((line, row) => line.map((_, column) => publish(row, column)));
  return {
    cells: inner,
    rowTotals: counts.map((_, row) => publish(row, columns - 1)),
    columnTotals: (counts[0] ?? []).map((_, column) => publish(rows - 1, column)),
    grandTotal: publish(rows - 1, columns - 1),
  };
}

/** The counts with a total column and a total row appended. */
function extendedGrid(counts: readonly (readonly number[])[]): number[][] {
  const width = counts[0]?.length ?? 0;
  if (counts.length === 0 || width === 0) throw new RangeError('A table needs at least one row and one column');
  counts.forEach((line, row) => {
    if (line.length !== width) throw new RangeError(`Row ${row} has ${line.length} cells, expected ${width}`);
    line.forEach((count, column) => assertCount(count, `The cell (${row}, ${column})`));
  });
  const withRowTotals = counts.map((line) => [...line, line.reduce((sum, count) => sum + count, 0)]);
  const totalRow = (withRowTotals[0] ?? []).map((_, column) => withRowTotals.reduce((sum, line) => sum + (line[column] ?? 0), 0));
  return [...withRowTotals, totalRow];
}

/** Every row and every column of the extended grid: each is one published equation. */
function lines(rows: number, columns: number): Entry[][] {
  const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  const rowLines = range(rows).map((row) => range(columns).map((column) => ({ row, column })));
  const columnLines = range(columns).map((column) => range(rows).map((row) => ({ row, column })));
  return [...rowLines, ...columnLines];
}

function isMargin({ row, column }: Entry, rows: number, columns: number): boolean {
  return row === rows - 1 || column === columns - 1;
}

function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** The value to hide to put a bridge of the hidden-value graph on a cycle, if there is a bridge. */
function bridgeComplement(
  rows: number,
  columns: number,
  isHidden: (entry: Entry) => boolean,
  smallest: (candidates: Entry[]) => Entry | undefined,
): Entry | undefined {
  const hidden = lines(rows, columns).slice(0, rows).flat().filter(isHidden);
  for (const bridge of hidden) {
    const rowSide = reachable(hidden, bridge, { kind: 'row', index: bridge.row });
    if (rowSide.has(`column:${bridge.column}`)) continue;
    const columnSide = reachable(hidden, bridge, { kind: 'column', index: bridge.column });
    const across: Entry[] = [];
    for (let row = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++) {
        const r = `row:${row}`;
        const c = `column:${column}`;
        if ((rowSide.has(r) && columnSide.has(c)) || (columnSide.has(r) && rowSide.has(c))) across.push({ row, column });
      }
    }
    return smallest(across);
  }
  return undefined;
}

/** Nodes (rows and columns) connected to `start` through hidden values other than `without`. */
function reachable(hidden: readonly Entry[], without: Entry, start: { kind: 'row' | 'column'; index: number }): Set<string> {
  const seen = new Set<string>([`${start.kind}:${start.index}`]);
  const queue = [`${start.kind}:${start.index}`];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    for (const edge of hidden) {
      if (edge === without) continue;
      const ends = [`row:${edge.row}`, `column:${edge.column}`];
      if (!ends.includes(node)) continue;
      for (const next of ends) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
  }
  return seen;
}
