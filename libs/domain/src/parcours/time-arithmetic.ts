import type { ValidTime } from '../time/valid-time.js';

/** Day and month arithmetic on vague dates: a point estimate (the midpoint) with both bounds. */

const DAY = 86_400_000;
export const DAYS_PER_MONTH = 30.436875;
export const DAYS_PER_YEAR = 365.2425;

/** A span in days with its uncertainty: `days` from midpoints, `min`/`max` from the bounds. */
export interface Span {
  readonly days: number;
  readonly min: number;
  readonly max: number;
}

/**
 * A valid time's bounds in epoch ms (null when open or unknown). Parsed valid times are shared
 * (valid-time.ts caches them), so their bounds are parsed once per process, not at every use.
 */
export function boundsOf(t: ValidTime): { readonly lower: number | null; readonly upper: number | null } {
  let bounds = parsedBounds.get(t);
  if (!bounds) {
    bounds = { lower: t.lower === null ? null : Date.parse(t.lower), upper: t.upper === null ? null : Date.parse(t.upper) };
    parsedBounds.set(t, bounds);
  }
  return bounds;
}
const parsedBounds = new WeakMap<ValidTime, { readonly lower: number | null; readonly upper: number | null }>();

/** Instants in ms: lower, midpoint, upper; an unknown side falls back on the other (or `open`). */
export function instants(t: ValidTime, open: number): { lower: number; mid: number; upper: number } {
  const bounds = boundsOf(t);
  const lower = bounds.lower ?? bounds.upper ?? open;
  const upper = bounds.upper ?? (bounds.lower !== null && t.precision === 'interval' ? open : lower);
  return { lower, mid: (lower + upper) / 2, upper };
}

/** From `a` to `b`, in days (negative when b is before a). `open` stands for "now" on open ends. */
export function spanBetween(a: ValidTime, b: ValidTime, open: number): Span {
  const x = instants(a, open);
  const y = instants(b, open);
  return { days: round((y.mid - x.mid) / DAY), min: round((y.lower - x.upper) / DAY), max: round((y.upper - x.lower) / DAY) };
}

export function daysBetweenInstants(from: number, to: number): number {
  return round((to - from) / DAY);
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
