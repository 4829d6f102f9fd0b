import { survfitMedian, type KaplanMeierMedian } from './kaplan-meier-median.js';

/**
 * Kaplan–Meier estimate of a survival curve, computed as R's `survival::survfit` does with its
 * defaults, so that a researcher can reproduce any figure we publish:
 * - ties: at a time t, the n at risk counts everyone still observed at t (time ≥ t), so the events
 *   at t happen before the censorings at t (a person censored at t was at risk of the event at t);
 * - variance: Greenwood, Var(log S(t)) = Σ_{tᵢ ≤ t} dᵢ / (nᵢ (nᵢ − dᵢ));
 * - 95% confidence interval of type "log" (`conf.type = "log"`, survfit's default):
 *   exp(log S ± z·se(log S)), the upper limit capped at 1. We implement the default rather than
 *   "log-log" or "plain" because published R output (and most French epidemiology reports made
 *   with R) uses it, and because, unlike "plain", its limits never leave (0, 1];
 * - median and its confidence interval as `print.survfit` reports them (see kaplan-meier-median.ts).
 */
export interface SurvivalObservation {
  /** Time since the origin (entry into the cohort), in any unit the caller chooses. */
  readonly time: number;
  /** True: the outcome happened at `time`; false: the person was censored at `time`. */
  readonly event: boolean;
}

/** One row of the curve, at each distinct observed time (event or censoring), like survfit's. */
export interface KaplanMeierStep {
  readonly time: number;
  /** People still observed just before `time` (time ≥ t). */
  readonly nRisk: number;
  readonly events: number;
  readonly censored: number;
  /** S(t): the probability of not having had the outcome by `time` (after its events). */
  readonly survival: number;
  /** Greenwood standard error of S(t), as `summary.survfit` prints `std.err`; null once S = 0. */
  readonly stdErr: number | null;
  /** Greenwood standard error of log S(t) (survfit's internal `std.err`), used for the interval. */
  readonly stdErrLog: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface KaplanMeierCurve {
  readonly n: number;
  readonly events: number;
  readonly confidenceLevel: number;
  readonly steps: readonly KaplanMeierStep[];
  readonly median: KaplanMeierMedian;
}

/** qnorm(0.975): the two-sided 95% normal quantile R uses. */
export const NORMAL_QUANTILE_95 = 1.959963984540054;

export function kaplanMeier(observations: readonly SurvivalObservation[]): KaplanMeierCurve {
  const byTime = tally(observations);
  const times = [...byTime.keys()].sort((a, b) => a - b);
  const steps: KaplanMeierStep[] = [];
  let atRisk = observations.length;
  let survival = 1;
  let greenwood = 0;
  let events = 0;
  for (const time of times) {
    const { events: d, censored } = byTime.get(time) ?? { events: 0, censored: 0 };
    if (d > 0) {
      survival *= (atRisk - d) / atRisk;
      // d = n: everyone left has the outcome, S drops to 0 and log S has no variance (survfit: NaN).
      greenwood += d === atRisk ? Number.POSITIVE_INFINITY : d / (atRisk * (atRisk - d));
      events += d;
    }
    steps.push({ time, nRisk: atRisk, events: d, censored, survival, ...interval(survival, greenwood) });
    atRisk -= d + censored;
  }
  return { n: observations.length, events, confidenceLevel: 0.95, steps, median: survfitMedian(steps) };
}

function interval(survival: number, greenwood: number): Pick<KaplanMeierStep, 'stdErr' | 'stdErrLog' | 'lower' | 'upper'> {
  const stdErrLog = Math.sqrt(greenwood);
  if (survival === 0 || !Number.isFinite(stdErrLog)) return { stdErr: null, stdErrLog: null, lower: null, upper: null };
  const spread = NORMAL_QUANTILE_95 * stdErrLog;
  return {
    stdErr: survival * stdErrLog,
    stdErrLog,
    lower: survival * Math.exp(-spread),
    upper: Math.min(1, survival * Math.exp(spread)),
  };
}

function tally(observations: readonly SurvivalObservation[]): Map<number, { events: number; censored: number }> {
  const byTime = new Map<number, { events: number; censored: number }>();
  for (const { time, event } of observations) {
    if (typeof time !== 'number' || !Number.isFinite(time)) throw new RangeError(`A survival time must be a finite number, got ${String(time)}`);
    const counts = byTime.get(time) ?? { events: 0, censored: 0 };
    if (event) counts.events += 1;
    else counts.censored += 1;
    byTime.set(time, counts);
  }
  return byTime;
}
