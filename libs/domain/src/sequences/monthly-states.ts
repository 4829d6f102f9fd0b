import { MISSING_STATE, noneState, precedenceRank, type SequenceField } from './alphabet.js';
import { monthIndex, observedMonths } from './month-grid.js';
import type { StateSpan } from './state-spans.js';

/**
 * One person's monthly states in one field, from month 0 (the origin's month) to the month of
 * the cut-off. The rules (docs/research-exports.md):
 * - a month counts a state when the span covers at least one day of it, dates taken at their
 *   midpoints; several states in a month: the highest in the field's precedence wins;
 * - an open span runs to the cut-off; an unknown end counts in the start month only;
 * - a span that began before the origin counts from month 0; anything after the cut-off is dropped;
 * - a month no span touches takes the field's "none" state.
 */
export interface MonthlyStates {
  readonly field: SequenceField;
  /** One code per observed month: index k is month k since the origin. */
  readonly states: readonly string[];
  /** For each month, the index (in the spans given) of the span that set its state; null for "none". */
  readonly winners: readonly (number | null)[];
}

export interface SequenceWindow {
  /** Epoch ms; its calendar month is month 0. */
  readonly origin: number;
  /** Epoch ms; its calendar month is the last observed. */
  readonly cutoff: number;
}

export function monthlyStates(field: SequenceField, spans: readonly StateSpan[], window: SequenceWindow): MonthlyStates {
  const length = observedMonths(window.origin, window.cutoff);
  const none = noneState(field);
  const states: string[] = Array.from({ length }, () => none);
  const winners: (number | null)[] = Array.from({ length }, () => null);
  const ranks: number[] = Array.from({ length }, () => precedenceRank(field, none));
  spans.forEach((span, index) => {
    const covered = coveredMonths(span, window);
    if (!covered) return;
    const rank = precedenceRank(field, span.code);
    for (let k = covered.first; k <= covered.last; k++) {
      // Strictly higher only: of two spans with the same state, the one given first sets the month.
      if (rank < ranks[k]!) {
        ranks[k] = rank;
        states[k] = span.code;
        winners[k] = index;
      }
    }
  });
  return { field, states, winners };
}

/** The month indexes a span covers inside the window, or null when it falls outside. */
export function coveredMonths(span: StateSpan, window: SequenceWindow): { first: number; last: number } | null {
  const length = observedMonths(window.origin, window.cutoff);
  if (span.from > window.cutoff) return null;
  const end = Math.min(span.to ?? window.cutoff, window.cutoff);
  const first = Math.max(monthIndex(window.origin, span.from), 0);
  const last = Math.min(monthIndex(window.origin, end), length - 1);
  return last < first ? null : { first, last };
}

/** The state of month k: `*` (missing) before the origin and after the cut-off. */
export function stateInMonth(sequence: MonthlyStates, k: number): string {
  return k >= 0 && k < sequence.states.length ? sequence.states[k]! : MISSING_STATE;
}
