import { describe, expect, it } from '@jest/globals';
import { kaplanMeier, type SurvivalObservation } from './kaplan-meier.js';

const obs = (spec: string): SurvivalObservation[] =>
  spec.split(/\s+/).map((token) => ({ time: Number(token.replace('+', '')), event: !token.endsWith('+') }));

/**
 * R's `survival::aml`, Maintained group (Miller 1997): 9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+.
 * Published output of `summary(survfit(Surv(time, status) ~ x, data = aml))` for x=Maintained, as
 * printed (survival 3 decimals, std.err and lower 4, upper 3) in course notes rendering it, and to
 * full precision in JASP's regression tests (jasp-stats/jaspSurvival,
 * tests/testthat/test-nonparametricsurvivalanalysis.R) and qwraps2's graphics vignette
 * (dewittpe/qwraps2). `print(survfit(...))`: n 11, events 7, median 31, 0.95LCL 18, 0.95UCL NA.
 */
describe('Kaplan–Meier against the published aml (Maintained) survfit output', () => {
  const curve = kaplanMeier(obs('9 13 13+ 18 23 28+ 31 34 45+ 48 161+'));
  const published: [time: number, nRisk: number, events: number, survival: number, stdErr: number, lower: number, upper: number, digits: number][] = [
    [9, 11, 1, 0.9090909, 0.0867, 0.7541338, 1, 4],
    [13, 10, 1, 0.8181818, 0.1163, 0.619249, 1, 4],
    [18, 8, 1, 0.715909090909091, 0.139664970557228, 0.488426287422128, 1, 6],
    [23, 7, 1, 0.614, 0.1526, 0.3769, 0.999, 3],
    [31, 5, 1, 0.491, 0.1642, 0.2549, 0.946, 3],
    [34, 4, 1, 0.368181818181818, 0.162668885827095, 0.154877117897191, 0.875260678143908, 6],
    [48, 2, 1, 0.184090909090909, 0.153492745786294, 0.0359178984891853, 0.943525769474552, 6],
  ];

  it.each(published)('at t=%d: n.risk %d, n.event %d, S %d, std.err %d, CI %d – %d', (time, nRisk, events, survival, stdErr, lower, upper, digits) => {
    const step = curve.steps.find((s) => s.time === time)!;
    expect(step).toMatchObject({ nRisk, events });
    expect(step.survival).toBeCloseTo(survival, digits);
    expect(step.stdErr!).toBeCloseTo(stdErr, Math.min(digits, 4));
    expect(step.lower!).toBeCloseTo(lower, Math.min(digits, 4));
    expect(step.upper!).toBeCloseTo(upper, 3);
  });

  it('keeps censor-only times as steps (as survfit does) without moving the curve', () => {
    expect(curve.steps.map((s) => [s.time, s.events, s.censored])).toEqual([
      [9, 1, 0], [13, 1, 1], [18, 1, 0], [23, 1, 0], [28, 0, 1], [31, 1, 0], [34, 1, 0], [45, 0, 1], [48, 1, 0], [161, 0, 1],
    ]);
    expect(curve.steps.find((s) => s.time === 161)?.survival).toBeCloseTo(0.184090909090909, 10);
  });

  it('gives n 11, 7 events, median 31 with 95% CI [18, not reached]', () => {
    expect(curve).toMatchObject({ n: 11, events: 7, confidenceLevel: 0.95 });
    expect(curve.median).toEqual({ time: 31, lower: 18, upper: null });
  });
});

describe('Kaplan–Meier on hand-computed cases', () => {
  it('without censoring is the empirical survival, with the usual median of 1, 2, 3, 4 (2.5)', () => {
    const curve = kaplanMeier(obs('3 1 4 2'));
    expect(curve.steps.map((s) => s.survival)).toEqual([0.75, 0.5, 0.25, 0]);
    // Greenwood at t=1: 1/(4·3) → se(S) = 0.75·√(1/12); lower = 0.75·exp(−1.95996·√(1/12)) = 0.425932.
    expect(curve.steps[0]!.stdErr).toBeCloseTo(0.75 * Math.sqrt(1 / 12), 12);
    expect(curve.steps[0]!.lower).toBeCloseTo(0.425932, 5);
    // S = 0 has no log-scale variance: survfit prints NaN and NA limits.
    expect(curve.steps[3]).toMatchObject({ survival: 0, stdErr: null, lower: null, upper: null });
    // The curve sits at 0.5 on [2, 3): median = (2 + 3) / 2; the lower band is below 0.5 from t=1;
    // the upper band (capped at 1) never comes down to 0.5.
    expect(curve.median).toEqual({ time: 2.5, lower: 1, upper: null });
  });

  it('with everyone censored stays at 1 with no variance and no median', () => {
    const curve = kaplanMeier(obs('5+ 2+ 7+'));
    expect(curve.events).toBe(0);
    expect(curve.steps.map((s) => [s.time, s.nRisk, s.survival, s.stdErr, s.lower, s.upper])).toEqual([
      [2, 3, 1, 0, 1, 1],
      [5, 2, 1, 0, 1, 1],
      [7, 1, 1, 0, 1, 1],
    ]);
    expect(curve.median).toEqual({ time: null, lower: null, upper: null });
  });

  it('counts the people censored at a tied time as at risk of its events', () => {
    // t=2: 5 at risk, 2 events, 1 censored → S = 3/5 (censoring first would give 2/4);
    // t=3: 2 at risk, 1 event → S = 0.3. Greenwood: 2/(5·3) + 1/(2·1).
    const curve = kaplanMeier(obs('2 2 2+ 3 5+'));
    expect(curve.steps.map((s) => [s.time, s.nRisk, s.events, s.censored])).toEqual([
      [2, 5, 2, 1],
      [3, 2, 1, 0],
      [5, 1, 0, 1],
    ]);
    expect(curve.steps[0]!.survival).toBeCloseTo(0.6, 12);
    expect(curve.steps[1]!.survival).toBeCloseTo(0.3, 12);
    expect(curve.steps[1]!.stdErr).toBeCloseTo(0.3 * Math.sqrt(2 / 15 + 1 / 2), 12);
    expect(curve.median.time).toBe(3);
  });

  it('keeps the first time at 0.5 when the curve never goes below it (print.survfit)', () => {
    expect(kaplanMeier(obs('1 2 3+ 4+')).median.time).toBe(2);
  });

  it('does not depend on the order of the observations', () => {
    expect(kaplanMeier(obs('48 9 161+ 13+ 13 34 18 28+ 23 45+ 31'))).toEqual(kaplanMeier(obs('9 13 13+ 18 23 28+ 31 34 45+ 48 161+')));
  });

  it('returns an empty curve for no one, and rejects times that are not finite numbers', () => {
    expect(kaplanMeier([])).toMatchObject({ n: 0, events: 0, steps: [], median: { time: null, lower: null, upper: null } });
    expect(() => kaplanMeier([{ time: Number.NaN, event: true }])).toThrow(RangeError);
  });
});
