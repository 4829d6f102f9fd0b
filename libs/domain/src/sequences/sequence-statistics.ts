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
 * Counts are person-months, never fewer people than months: a cell of 1–10 person-months
 * concerns at most 10 people, so the rule for people applies to them unchanged.
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
    options,
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
