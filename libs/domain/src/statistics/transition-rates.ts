import { byState, prepareSequences, type SequenceOptions, type StateSequence } from './state-sequences.js';

/**
 * Transition rates between states, TraMineR's `seqtrate` with its defaults (lag 1, not time
 * varying, `with.missing = FALSE`): the rate from sᵢ to sⱼ is
 *
 *   #{ (sequence, t) : state(t) = sᵢ and state(t+1) = sⱼ }
 *   ÷ #{ (sequence, t) : state(t) = sᵢ and state(t+1) is neither missing nor void }
 *
 * so a pair with a missing element counts nowhere, and each row of defined rates sums to 1.
 * Unweighted (our sequences are people, each counting once).
 */
export interface TransitionRates {
  readonly alphabet: readonly string[];
  /** counts[from][to]: transitions observed from `from` at t to `to` at t+1 (staying included). */
  readonly counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The row denominators: positions in `from` followed by a non-missing state. */
  readonly fromTotals: Readonly<Record<string, number>>;
  /**
   * rates[from][to] = counts[from][to] / fromTotals[from]. Null for a state never followed by an
   * observed state: the rate is undefined there. (TraMineR prints 0 for such a row; a 0 would
   * read as "never leads anywhere", so we say "unknown" instead.)
   */
  readonly rates: Readonly<Record<string, Readonly<Record<string, number | null>>>>;
}

export function transitionRates(sequences: readonly StateSequence[], options: SequenceOptions = {}): TransitionRates {
  const { alphabet, stateAt } = prepareSequences(sequences, options);
  const counts = new Map(alphabet.map((state) => [state, new Map(alphabet.map((to) => [to, 0]))]));
  const fromTotals = new Map(alphabet.map((state) => [state, 0]));
  for (const sequence of sequences) {
    for (let t = 0; t + 1 < sequence.length; t++) {
      const from = stateAt(sequence, t);
      const to = stateAt(sequence, t + 1);
      if (from === null || from === undefined || to === null || to === undefined) continue;
      fromTotals.set(from, (fromTotals.get(from) ?? 0) + 1);
      const row = counts.get(from);
      row?.set(to, (row.get(to) ?? 0) + 1);
    }
  }
  const countOf = (from: string, to: string): number => counts.get(from)?.get(to) ?? 0;
  const totalOf = (from: string): number => fromTotals.get(from) ?? 0;
  return {
    alphabet,
    counts: byState(alphabet, (from) => byState(alphabet, (to) => countOf(from, to))),
    fromTotals: byState(alphabet, totalOf),
    rates: byState(alphabet, (from) => byState(alphabet, (to) => (totalOf(from) === 0 ? null : countOf(from, to) / totalOf(from)))),
  };
}
