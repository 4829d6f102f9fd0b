import { monthIndex } from './month-grid.js';
import { coveredMonths } from './monthly-states.js';
import type { PersonSequence } from './person-sequences.js';
import type { StateSpan } from './state-spans.js';

/**
 * A person's monthly sequence as spells, TraMineR's SPELL format: each maximal run of one state,
 * the "none" state included, so that `seqformat(from = "SPELL", to = "STS")` gives back exactly
 * the wide sequences. Times are *positions*: month k since the origin is position k + 1, because
 * TraMineR refuses spells that start before 1; `end` is inclusive.
 *
 * Bounds say where a run's begin and end would fall if the dates that make them were taken at
 * their lower or upper bound instead of their midpoint. A boundary between two runs comes from
 * the start of the next run's episode, or failing that from the end of the previous run's
 * episode: each side then takes the bounds of that date (the other side's shifted by one month).
 * Runs cut by the origin or the cut-off have that exact limit as bounds; an unknown end has no
 * upper bound (null). Bounds are clipped to the observed positions, like the runs themselves.
 */
export interface Spell {
  readonly status: string;
  readonly begin: number;
  readonly end: number;
  readonly beginLower: number | null;
  readonly beginUpper: number | null;
  readonly endLower: number | null;
  readonly endUpper: number | null;
}

interface PositionBounds {
  readonly lower: number | null;
  readonly upper: number | null;
}

export function spellsOf(sequence: PersonSequence): Spell[] {
  const { states, winners } = sequence.months;
  const n = states.length;
  const runs: { status: string; first: number; last: number }[] = [];
  states.forEach((status, k) => {
    const run = runs.at(-1);
    if (run && run.status === status) run.last = k;
    else runs.push({ status, first: k, last: k });
  });
  const position = (ms: number | null): number | null => (ms === null ? null : Math.min(Math.max(monthIndex(sequence.origin, ms) + 1, 1), n));
  const window = { origin: sequence.origin, cutoff: sequence.cutoff };
  const spanAt = (k: number): StateSpan | undefined => {
    const index = winners[k];
    return index === null || index === undefined ? undefined : sequence.spans[index];
  };
  /** Bounds of the run boundary opened at month k by its winning span's start, if it starts there. */
  const opening = (k: number): PositionBounds | undefined => {
    const span = spanAt(k);
    if (!span || monthIndex(sequence.origin, span.from) !== k) return undefined;
    return { lower: position(span.fromBounds.lower), upper: position(span.fromBounds.upper) };
  };
  /** Bounds of the run boundary closed at month k by its winning span's end, if it ends there (before the cut-off). */
  const closing = (k: number): PositionBounds | undefined => {
    const span = spanAt(k);
    if (!span || span.end === 'open' || !span.toBounds || coveredMonths(span, window)?.last !== k || monthIndex(sequence.origin, span.to!) !== k) return undefined;
    return { lower: position(span.toBounds.lower), upper: position(span.toBounds.upper) };
  };
  const exact = (p: number): PositionBounds => ({ lower: p, upper: p });
  const shift = (b: PositionBounds, by: number): PositionBounds => ({ lower: clip(b.lower, by, n), upper: clip(b.upper, by, n) });

  return runs.map((run, i) => {
    const begin = run.first + 1;
    const end = run.last + 1;
    const beginBounds = opening(run.first) ?? (i > 0 ? mapDefined(closing(run.first - 1), (b) => shift(b, 1)) : undefined) ?? exact(begin);
    const endBounds = closing(run.last) ?? (i < runs.length - 1 ? mapDefined(opening(run.last + 1), (b) => shift(b, -1)) : undefined) ?? exact(end);
    return { status: run.status, begin, end, beginLower: beginBounds.lower, beginUpper: beginBounds.upper, endLower: endBounds.lower, endUpper: endBounds.upper };
  });
}

function clip(p: number | null, by: number, n: number): number | null {
  return p === null ? null : Math.min(Math.max(p + by, 1), n);
}

function mapDefined<T, U>(value: T | undefined, f: (v: T) => U): U | undefined {
  return value === undefined ? undefined : f(value);
}
