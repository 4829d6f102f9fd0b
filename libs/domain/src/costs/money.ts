/**
 * Money in integer cents, never floats: sums of thousands of lines must not drift, and the
 * same data must always give the same figure to the cent.
 */

/** An amount known within bounds: `mid` costs imprecise dates at their midpoints, `min` and `max` at their bounds. */
export interface AmountRange {
  readonly mid: number;
  readonly min: number;
  readonly max: number;
}

export const ZERO_RANGE: AmountRange = { mid: 0, min: 0, max: 0 };

export function addRanges(a: AmountRange, b: AmountRange): AmountRange {
  return { mid: a.mid + b.mid, min: a.min + b.min, max: a.max + b.max };
}

export function exactRange(cents: number): AmountRange {
  return { mid: cents, min: cents, max: cents };
}

/**
 * numerator ÷ denominator rounded to the nearest integer, ties to the even one (banker's
 * rounding: over many divisions, rounding up and down balance out). Integers in, integer out,
 * computed with an integer remainder so no float rounding creeps in.
 */
export function divideHalfEven(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`divideHalfEven needs safe integers and a positive denominator, got ${numerator} / ${denominator}`);
  }
  const quotient = Math.floor(numerator / denominator);
  const twice = 2 * (numerator - quotient * denominator);
  if (twice > denominator || (twice === denominator && quotient % 2 !== 0)) return quotient + 1;
  return quotient;
}

export function divideRange(range: AmountRange, denominator: number): AmountRange {
  return { mid: divideHalfEven(range.mid, denominator), min: divideHalfEven(range.min, denominator), max: divideHalfEven(range.max, denominator) };
}

/** The median of integer cents; an even count averages the two middle values, half-even. */
export function medianCents(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('The median of no values is undefined');
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[half]! : divideHalfEven(sorted[half - 1]! + sorted[half]!, 2);
}

/** Mean and median of per-person amounts, each bound taken on its own. */
export function perPersonStatistics(perPerson: readonly AmountRange[]): { mean: AmountRange; median: AmountRange } {
  const total = perPerson.reduce(addRanges, ZERO_RANGE);
  return {
    mean: divideRange(total, perPerson.length),
    median: {
      mid: medianCents(perPerson.map((r) => r.mid)),
      min: medianCents(perPerson.map((r) => r.min)),
      max: medianCents(perPerson.map((r) => r.max)),
    },
  };
}
