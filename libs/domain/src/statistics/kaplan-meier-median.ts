/**
 * The median survival time and its confidence interval, as `print.survfit` (survival's
 * `survmean`) reports `median`, `0.95LCL` and `0.95UCL`: draw a horizontal line at 0.5 on the
 * curve and on its confidence bands. The median is the first time the curve is at or below 0.5;
 * the lower limit is where the *lower* band crosses (it drops first), the upper limit where the
 * *upper* band crosses. A curve or band that never reaches 0.5 gives null ("not reached", R's NA).
 *
 * Flat at exactly 0.5: when the curve sits at 0.5 (within √ε, as R's all.equal) over an interval,
 * the result is the midpoint between the first time at 0.5 and the first time below it, the usual
 * median of uncensored data (times 1, 2, 3, 4 → 2.5). If it never goes below, survmean keeps the
 * first time at 0.5; `quantile.survfit` would instead take the middle of the flat up to the last
 * observed time — the only case where the two survival functions disagree, documented in
 * docs/statistics.md.
 */
export interface KaplanMeierMedian {
  readonly time: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

interface CurvePoints {
  readonly time: number;
  readonly survival: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** R's `.Machine$double.eps^0.5`, the tolerance survmean uses to recognise 0.5. */
const TOLERANCE = Math.sqrt(Number.EPSILON);

export function survfitMedian(steps: readonly CurvePoints[]): KaplanMeierMedian {
  const times = steps.map((s) => s.time);
  return {
    time: firstCrossing(steps.map((s) => s.survival), times),
    lower: firstCrossing(steps.map((s) => s.lower), times),
    upper: firstCrossing(steps.map((s) => s.upper), times),
  };
}

/** survmean's `minmin`: the first time the values reach 0.5, with the midpoint rule for a flat at 0.5. */
function firstCrossing(values: readonly (number | null)[], times: readonly number[]): number | null {
  const kept: { value: number; time: number }[] = [];
  values.forEach((value, i) => {
    const time = times[i];
    if (value !== null && time !== undefined && value < 0.5 + TOLERANCE) kept.push({ value, time });
  });
  const first = kept[0];
  if (!first) return null;
  if (Math.abs(first.value - 0.5) < TOLERANCE) {
    const below = kept.find((point) => point.value < first.value);
    if (below) return (first.time + below.time) / 2;
  }
  return first.time;
}
