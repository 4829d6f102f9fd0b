import type { KaplanMeierCurve } from './kaplan-meier.js';
import { survfitMedian } from './kaplan-meier-median.js';
import { SMALL_CELL_THRESHOLD, suppressed, type Suppressed } from './suppression.js';

/**
 * A Kaplan–Meier curve fit for publication. The choice (docs/statistics.md):
 * - a curve about fewer than 11 people is not published at all;
 * - otherwise the curve is shown while at least 11 people are at risk and cut at the first time
 *   fewer remain: every published estimate then rests on a risk set of 11 or more, which is the
 *   group a reader cannot break down (the usual practice of stopping a curve, or its risk table,
 *   when few remain). Without the cut, the tail of a curve describes the last few people one by one;
 * - per-step counts of events and censorings are dropped (they are 1s and 2s); the number at risk
 *   stays, since it is ≥ 11 at every published step;
 * - the median and its limits are published only if the published steps alone give them: a value
 *   that depends on the hidden tail (or "not reached" on a cut curve) is suppressed.
 */
export interface ProtectedKaplanMeierStep {
  readonly time: number;
  readonly nRisk: number;
  readonly survival: number;
  readonly stdErr: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

type MedianValue = number | null | Suppressed<'small_cell'>;

export interface ProtectedKaplanMeierCurve {
  readonly n: number;
  readonly confidenceLevel: number;
  readonly steps: readonly ProtectedKaplanMeierStep[];
  /** True when steps after the last one were hidden (fewer than 11 people at risk). */
  readonly truncated: boolean;
  readonly median: { readonly time: MedianValue; readonly lower: MedianValue; readonly upper: MedianValue };
}

export function protectKaplanMeier(
  curve: KaplanMeierCurve,
  options: { readonly threshold?: number } = {},
): ProtectedKaplanMeierCurve | Suppressed<'small_cell'> {
  const threshold = options.threshold ?? SMALL_CELL_THRESHOLD;
  if (curve.n > 0 && curve.n < threshold) return suppressed('small_cell');
  const kept = curve.steps.filter((step) => step.nRisk >= threshold);
  const truncated = kept.length < curve.steps.length;
  const visible = survfitMedian(kept);
  // Publish a median figure only when the visible curve yields the same one as the full curve.
  const publish = (full: number | null, shown: number | null): MedianValue => {
    if (shown === null) return truncated ? suppressed('small_cell') : null;
    return shown === full ? shown : suppressed('small_cell');
  };
  return {
    n: curve.n,
    confidenceLevel: curve.confidenceLevel,
    steps: kept.map(({ time, nRisk, survival, stdErr, lower, upper }) => ({ time, nRisk, survival, stdErr, lower, upper })),
    truncated,
    median: {
      time: publish(curve.median.time, visible.time),
      lower: publish(curve.median.lower, visible.lower),
      upper: publish(curve.median.upper, visible.upper),
    },
  };
}
