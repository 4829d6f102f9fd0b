import { describe, expect, it } from '@jest/globals';
import { stateDistribution } from './state-distribution.js';
import { transitionRates } from './transition-rates.js';

/**
 * Five monthly paths: C = in care, T = in training, E = employed, null = not known that month.
 * Sequences have different lengths: months past a path's end are void, not missing.
 */
const paths = [
  ['C', 'C', 'T', 'E'],
  ['C', 'T', 'T', null, 'E'],
  ['C', 'C', 'C'],
  ['T', 'E', 'E', 'E'],
  ['C', null, 'C', 'T'],
];

describe('transition rates (TraMineR seqtrate, with.missing = FALSE)', () => {
  // By hand, pairs (t, t+1) with both states known:
  //   from C: C→C ×3 (path 1 once, path 3 twice), C→T ×3 (paths 1, 2, 5) → 6 pairs;
  //   from T: T→E ×2 (paths 1, 4), T→T ×1 (path 2; its T→missing is ignored) → 3 pairs;
  //   from E: E→E ×2 (path 4) → 2 pairs. Pairs touching a missing month count nowhere.
  const rates = transitionRates(paths);

  it('counts the transitions and their denominators', () => {
    expect(rates.alphabet).toEqual(['C', 'E', 'T']);
    expect(rates.counts).toEqual({ C: { C: 3, E: 0, T: 3 }, E: { C: 0, E: 2, T: 0 }, T: { C: 0, E: 2, T: 1 } });
    expect(rates.fromTotals).toEqual({ C: 6, E: 2, T: 3 });
  });

  it('divides each count by the positions in that state with a known successor', () => {
    expect(rates.rates.C).toEqual({ C: 0.5, E: 0, T: 0.5 });
    expect(rates.rates.E).toEqual({ C: 0, E: 1, T: 0 });
    expect(rates.rates.T!.T).toBeCloseTo(1 / 3, 12);
    expect(rates.rates.T!.E).toBeCloseTo(2 / 3, 12);
  });

  it('has rows summing to 1 where defined, and null rows for states never followed by a known state', () => {
    const withAlphabet = transitionRates([...paths, ['E', 'X']], { alphabet: ['C', 'T', 'E', 'X'] });
    for (const from of ['C', 'T', 'E']) {
      const row = Object.values(withAlphabet.rates[from]!) as number[];
      expect(row.reduce((sum, rate) => sum + rate, 0)).toBeCloseTo(1, 12);
    }
    expect(withAlphabet.fromTotals.X).toBe(0);
    expect(withAlphabet.rates.X).toEqual({ C: null, T: null, E: null, X: null });
    expect(Object.keys(withAlphabet.rates)).toEqual(['C', 'T', 'E', 'X']);
  });

  it('accepts a missing marker and rejects states outside the given alphabet', () => {
    const starred = paths.map((path) => path.map((state) => state ?? '*'));
    expect(transitionRates(starred, { missing: '*' })).toEqual(rates);
    expect(() => transitionRates(paths, { alphabet: ['C', 'T'] })).toThrow(/States not in the alphabet: E/);
  });
});

describe('state distribution per position (TraMineR seqstatd)', () => {
  const { alphabet, positions } = stateDistribution(paths);

  it('counts each state among the known ones, and the missing apart', () => {
    expect(alphabet).toEqual(['C', 'E', 'T']);
    expect(positions.map((p) => [p.counts, p.valid, p.missing])).toEqual([
      [{ C: 4, E: 0, T: 1 }, 5, 0],
      [{ C: 2, E: 1, T: 1 }, 4, 1],
      [{ C: 2, E: 1, T: 2 }, 5, 0],
      [{ C: 0, E: 2, T: 1 }, 3, 1], // path 3 has ended: void, not missing
      [{ C: 0, E: 1, T: 0 }, 1, 0],
    ]);
  });

  it('gives shares among the valid states and the normalised entropy', () => {
    expect(positions[1]!.shares).toEqual({ C: 0.5, E: 0.25, T: 0.25 });
    // −(0.8 ln 0.8 + 0.2 ln 0.2) / ln 3
    expect(positions[0]!.entropy).toBeCloseTo(0.455486, 5);
    // −(0.5 ln 0.5 + 2 · 0.25 ln 0.25) / ln 3
    expect(positions[1]!.entropy).toBeCloseTo(0.946395, 5);
    expect(positions[4]!.entropy).toBe(0);
  });

  it('has no shares where no one has a known state', () => {
    const [only] = stateDistribution([[null], [null]], { alphabet: ['A', 'B'] }).positions;
    expect(only).toEqual({ position: 0, counts: { A: 0, B: 0 }, shares: { A: null, B: null }, valid: 0, missing: 2, entropy: null });
  });
});
