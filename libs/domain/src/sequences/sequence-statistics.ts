import { stateDistribution } from '../statistics/state-distribution.js';
import type { StateSequence } from '../statistics/state-sequences.js';
import { protectDerived, suppressBreakdown, type CellValue, type ProtectedValue, type SuppressionOptions } from '../statistics/suppression.js';
import { suppressTable } from '../statistics/suppression-table.js';
import { transitionRates } from '../statistics/transition-rates.js';
import { alphabetCodes, MISSING_STATE, type SequenceField } from './alphabet.js';
import type { PersonSequence } from './person-sequences.js';

/**
 * The cohort's sequences summarised for evaluators: TraMineR's transition rates (`seqtrate`) and
 * state distribution per month (`seqstatd`), with small-cell suppression (docs/statistics.md).
 * Counts are person-months: a cell of 1–10 person-months concerns at most 10 people, and a cell
 * of any size may concern only one (22 months in work); so cells, totals included, are also hidden
 * when fewer than 11 distinct people stand behind them.
 */
export interface ProtectedTransitions {
  readonly states: readonly string[];
  /** counts[i][j]: months in states[i] followed by states[j] the next month (staying included). */
  readonly counts: readonly (readonly CellValue[])[];
  /** Row totals: months in states[i] followed by a known state (seqtrate's denominators). */
  readonly fromTotals: readonly CellValue[];
  readonly toTotals: readonly CellValue[];
  readonly total: CellValue;
  /** counts[i][j] / fromTotals[i]; null where states[i] is never followed by a known state. */
  readonly rates: readonly (readonly (ProtectedValue | null)[])[];
}

export interface ProtectedMonth {
  /** Month since the origin (position 0 = month 0). */
  readonly month: number;
  /** People whose sequence reaches this month. */
  readonly followed: CellValue;
  readonly counts: Readonly<Record<string, CellValue>>;
  readonly missing: CellValue;
  /** Share of each state among the known states of the month (seqstatd, with.missing = FALSE). */
  readonly shares: Readonly<Record<string, ProtectedValue | null>>;
  /** Normalised Shannon entropy of the month's distribution; hidden when any count is. */
  readonly entropy: ProtectedValue | null;
}

export function toStateSequence(sequence: PersonSequence): StateSequence {
  return sequence.months.states.map((state) => (state === MISSING_STATE ? null : state));
}

export function protectedTransitions(field: SequenceField, sequences: readonly StateSequence[], options: SuppressionOptions = {}): ProtectedTransitions {
  const states = alphabetCodes(field);
  const rates = transitionRates(sequences, { alphabet: states });
  const table = suppressTable(
    states.map((from) => states.map((to) => rates.counts[from]?.[to] ?? 0)),
    { ...options, people: peopleBehindTransitions(states, sequences) },
  );
  return {
    states,
    counts: table.cells,
    fromTotals: table.rowTotals,
    toTotals: table.columnTotals,
    total: table.grandTotal,
    rates: states.map((from, i) =>
      states.map((_, j) => ((rates.fromTotals[from] ?? 0) === 0 ? null : protectDerived([table.cells[i]![j]!, table.rowTotals[i]!], (count, total) => count / total))),
    ),
  };
}

export function protectedDistribution(field: SequenceField, sequences: readonly StateSequence[], options: SuppressionOptions = {}): ProtectedMonth[] {
  const states = alphabetCodes(field);
  const distribution = stateDistribution(sequences, { alphabet: states, missing: MISSING_STATE });
  return distribution.positions.map((at) => {
    const cells = [...states.map((state) => ({ key: state, count: at.counts[state] ?? 0 })), { key: MISSING_STATE, count: at.missing }];
    const published = suppressBreakdown(cells, at.valid + at.missing, options);
    const valueOf = (key: string): CellValue => published.cells.find((cell) => cell.key === key)!.value;
    const followed = published.total!;
    const missing = valueOf(MISSING_STATE);
    return {
      month: at.position,
      followed,
      counts: Object.fromEntries(states.map((state) => [state, valueOf(state)])),
      missing,
      // A share divides by the known states (followed − missing): hidden when any of the three is.
      shares: Object.fromEntries(
        states.map((state) => [state, at.valid === 0 ? null : protectDerived([valueOf(state), missing, followed], (count, m, f) => count / (f - m))]),
      ),
      entropy: at.entropy === null ? null : protectDerived(published.cells.map((cell) => cell.value), () => at.entropy!),
    };
  });
}

/** Distinct people behind each cell, row total, column total and the grand total of the transition table. */
function peopleBehindTransitions(states: readonly string[], sequences: readonly StateSequence[]): number[][] {
  const n = states.length;
  const index = new Map(states.map((state, i) => [state, i]));
  const grid = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
  for (const sequence of sequences) {
    const cells = new Set<number>();
    for (let k = 0; k + 1 < sequence.length; k += 1) {
      const from = sequence[k] == null ? undefined : index.get(sequence[k]!);
      const to = sequence[k + 1] == null ? undefined : index.get(sequence[k + 1]!);
      if (from !== undefined && to !== undefined) cells.add(from * n + to);
    }
    if (cells.size === 0) continue;
    const rows = new Set<number>();
    const columns = new Set<number>();
    for (const cell of cells) {
      const [from, to] = [Math.floor(cell / n), cell % n];
      grid[from]![to]! += 1;
      rows.add(from);
      columns.add(to);
    }
    for (const row of rows) grid[row]![n]! += 1;
    for (const column of columns) grid[n]![column]! += 1;
    grid[n]![n]! += 1;
  }
  return grid;
}
