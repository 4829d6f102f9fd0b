import { byState, prepareSequences, type SequenceOptions, type StateSequence } from './state-sequences.js';

/**
 * The cross-sectional state distribution at each position (time unit), TraMineR's `seqstatd`
 * with its defaults (`with.missing = FALSE`, `norm = TRUE`): at each position, how many people
 * are in each state, their share among the *valid* states (missing ones excluded from the
 * denominator, void positions past a sequence's end not counted at all), how many are missing,
 * and the Shannon entropy of the distribution divided by log(alphabet size).
 */
export interface StateDistributionAt {
  /** 0-based position in the sequences. */
  readonly position: number;
  readonly counts: Readonly<Record<string, number>>;
  /** counts / valid; null when no one has a valid state at this position. */
  readonly shares: Readonly<Record<string, number | null>>;
  /** People with a state of the alphabet here (seqstatd's `ValidStates`). */
  readonly valid: number;
  /** People whose sequence reaches this position but whose state is missing. */
  readonly missing: number;
  /**
   * −Σ pᵢ ln pᵢ / ln(alphabet size), 0 when everyone is in the same state, 1 when states are
   * equally shared. Null without valid states; 0 for a one-state alphabet (R gives 0/0 = NaN).
   */
  readonly entropy: number | null;
}

export interface StateDistribution {
  readonly alphabet: readonly string[];
  readonly positions: readonly StateDistributionAt[];
}

export function stateDistribution(sequences: readonly StateSequence[], options: SequenceOptions = {}): StateDistribution {
  const { alphabet, stateAt, length } = prepareSequences(sequences, options);
  const positions: StateDistributionAt[] = [];
  for (let position = 0; position < length; position++) {
    const counts = new Map(alphabet.map((state) => [state, 0]));
    let missing = 0;
    for (const sequence of sequences) {
      const state = stateAt(sequence, position);
      if (state === undefined) continue;
      if (state === null) missing += 1;
      else counts.set(state, (counts.get(state) ?? 0) + 1);
    }
    const valid = [...counts.values()].reduce((sum, count) => sum + count, 0);
    const countOf = (state: string): number => counts.get(state) ?? 0;
    positions.push({
      position,
      counts: byState(alphabet, countOf),
      shares: byState(alphabet, (state) => (valid === 0 ? null : countOf(state) / valid)),
      valid,
      missing,
      entropy: normalisedEntropy([...counts.values()], valid, alphabet.length),
    });
  }
  return { alphabet, positions };
}

function normalisedEntropy(counts: readonly number[], valid: number, alphabetSize: number): number | null {
  if (valid === 0) return null;
  if (alphabetSize < 2) return 0;
  // 0 · ln 0 = 0: absent states add nothing.
  const entropy = counts.reduce((sum, count) => (count === 0 ? sum : sum - (count / valid) * Math.log(count / valid)), 0);
  return entropy / Math.log(alphabetSize);
}
