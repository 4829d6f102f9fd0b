import type { CellValue } from './suppression.js';
import type { SuppressedTable } from './suppression-table.js';

/**
 * What a reader can recompute from a published table, written independently of the suppression
 * algorithm so the tests do not grade it with its own logic. Positions are "row,column" in the
 * extended grid, totals in the last row and column.
 */
type Known = number | null;
interface Equation {
  readonly positions: readonly string[];
  /** +1 for a cell, −1 for the total it sums to. */
  readonly signs: readonly number[];
}

function grid(table: SuppressedTable): Known[][] {
  const known = (value: CellValue): Known => (typeof value === 'number' ? value : null);
  return [...table.cells.map((line, row) => [...line.map(known), known(table.rowTotals[row] ?? 0)]), [...table.columnTotals.map(known), known(table.grandTotal)]];
}

function equations(rows: number, columns: number): Equation[] {
  const result: Equation[] = [];
  for (let row = 0; row < rows; row++) {
    result.push({ positions: Array.from({ length: columns }, (_, column) => `${row},${column}`), signs: Array.from({ length: columns }, (_, column) => (column === columns - 1 ? -1 : 1)) });
  }
  for (let column = 0; column < columns; column++) {
    result.push({ positions: Array.from({ length: rows }, (_, row) => `${row},${column}`), signs: Array.from({ length: rows }, (_, row) => (row === rows - 1 ? -1 : 1)) });
  }
  return result;
}

/** The attack the brief names: solve every row or column equation with one unknown, repeatedly. */
export function recoverableBySubtraction(table: SuppressedTable): Map<string, number> {
  const values = grid(table);
  const known = new Map<string, number>();
  values.forEach((line, row) => line.forEach((value, column) => value !== null && known.set(`${row},${column}`, value)));
  const recovered = new Map<string, number>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const { positions, signs } of equations(values.length, values[0]?.length ?? 0)) {
      const unknown = positions.filter((position) => !known.has(position));
      const [target] = unknown;
      if (unknown.length !== 1 || target === undefined) continue;
      const rest = positions.reduce((sum, position, i) => (position === target ? sum : sum + (signs[i] ?? 0) * (known.get(position) ?? 0)), 0);
      const value = -rest / (signs[positions.indexOf(target)] ?? 1);
      known.set(target, value);
      recovered.set(target, value);
      progress = true;
    }
  }
  return recovered;
}

/**
 * The complete exact attack: a hidden value is recoverable when some linear combination of the
 * published equations involves it alone, i.e. its unit vector lies in the equations' row space.
 */
export function recoverableByLinearAlgebra(table: SuppressedTable): string[] {
  const values = grid(table);
  const hidden: string[] = [];
  values.forEach((line, row) => line.forEach((value, column) => value === null && hidden.push(`${row},${column}`)));
  const matrix = equations(values.length, values[0]?.length ?? 0).map(({ positions, signs }) => hidden.map((position) => signs[positions.indexOf(position)] ?? 0));
  const base = rank(matrix);
  return hidden.filter((_, k) => rank([...matrix, hidden.map((__, j) => (j === k ? 1 : 0))]) === base);
}

function rank(input: readonly (readonly number[])[]): number {
  const m = input.map((line) => [...line]);
  const width = m[0]?.length ?? 0;
  let r = 0;
  for (let column = 0; column < width && r < m.length; column++) {
    let pivot = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i]![column]!) > Math.abs(m[pivot]![column]!)) pivot = i;
    if (Math.abs(m[pivot]![column]!) < 1e-9) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const factor = m[i]![column]! / m[r]![column]!;
      for (let j = column; j < width; j++) m[i]![j]! -= factor * m[r]![j]!;
    }
    r++;
  }
  return r;
}
