/**
 * State sequences as TraMineR models them (Gabadinho et al. 2011, `seqdef`): one state code per
 * time unit (a month of the path, say). Two kinds of gaps, treated differently:
 * - a *missing* state (TraMineR's `nr`): the person was followed but we do not know their state;
 *   here `null` (or the optional `missing` marker, e.g. "*" in data exported from TraMineR);
 * - a *void* position (TraMineR's `void`): past the end of a shorter sequence. Sequences may have
 *   different lengths; positions beyond a sequence's end are neither states nor missing.
 */
export type StateSequence = readonly (string | null)[];

export interface SequenceOptions {
  /** The states, in display order. Default: the distinct states observed, sorted (seqdef's default). */
  readonly alphabet?: readonly string[];
  /** A code that means "missing" besides null, e.g. "*". */
  readonly missing?: string;
}

/** The state at a position, or null when missing; undefined past the end of the sequence (void). */
export type StateReader = (sequence: StateSequence, position: number) => string | null | undefined;

export interface PreparedSequences {
  readonly alphabet: readonly string[];
  readonly stateAt: StateReader;
  readonly length: number;
}

export function prepareSequences(sequences: readonly StateSequence[], options: SequenceOptions = {}): PreparedSequences {
  const stateAt: StateReader = (sequence, position) => {
    if (position >= sequence.length) return undefined;
    const state = sequence[position];
    return state === null || state === undefined || state === options.missing ? null : state;
  };
  const observed = new Set<string>();
  let length = 0;
  for (const sequence of sequences) {
    length = Math.max(length, sequence.length);
    for (let t = 0; t < sequence.length; t++) {
      const state = stateAt(sequence, t);
      if (state !== null && state !== undefined) observed.add(state);
    }
  }
  const alphabet = options.alphabet ? [...options.alphabet] : [...observed].sort();
  if (new Set(alphabet).size !== alphabet.length) throw new RangeError('The alphabet lists a state twice');
  const known = new Set(alphabet);
  // A state outside a given alphabet is a coding error upstream: counting it nowhere would bias every share.
  const unknown = [...observed].filter((state) => !known.has(state));
  if (unknown.length > 0) throw new RangeError(`States not in the alphabet: ${unknown.join(', ')}`);
  return { alphabet, stateAt, length };
}

/** A record with one entry per state of the alphabet, in alphabet order. */
export function byState<V>(alphabet: readonly string[], value: (state: string) => V): Record<string, V> {
  // Object.fromEntries defines own properties, so a state named "__proto__" is stored like any other.
  return Object.fromEntries(alphabet.map((state) => [state, value(state)]));
}
