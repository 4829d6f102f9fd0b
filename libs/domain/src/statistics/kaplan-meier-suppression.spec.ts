import { describe, expect, it } from '@jest/globals';
import { kaplanMeier, type SurvivalObservation } from './kaplan-meier.js';
import { protectKaplanMeier } from './kaplan-meier-suppression.js';

const HIDDEN = { suppressed: true, reason: 'small_cell' } as const;
const events = (from: number, count: number): SurvivalObservation[] => Array.from({ length: count }, (_, i) => ({ time: from + i, event: true }));

describe('protectKaplanMeier', () => {
  it('does not publish a curve about fewer than 11 people', () => {
    expect(protectKaplanMeier(kaplanMeier(events(1, 10)))).toEqual(HIDDEN);
  });

  it('cuts the curve where fewer than 11 people remain at risk, and drops per-step counts', () => {
    // 30 people, one event a month: 11 are still at risk at month 20, 10 at month 21.
    const full = kaplanMeier(events(1, 30));
    const shown = protectKaplanMeier(full);
    if ('suppressed' in shown) throw new Error('expected a curve');
    expect(shown.truncated).toBe(true);
    expect(shown.steps.map((s) => s.time)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(Math.min(...shown.steps.map((s) => s.nRisk))).toBe(11);
    expect(Object.keys(shown.steps[0]!).sort()).toEqual(['lower', 'nRisk', 'stdErr', 'survival', 'time', 'upper']);
    // Median 15.5 (S = 0.5 on [15, 16)) and its lower limit are read on the shown part; the upper
    // band crosses 0.5 only at month 22, in the hidden tail.
    expect(full.median).toEqual({ time: 15.5, lower: 11, upper: 22 });
    expect(shown.median).toEqual({ time: 15.5, lower: 11, upper: HIDDEN });
  });

  it('hides a median that the shown steps alone do not give', () => {
    // 22 people: S reaches 0.5 at 11, a censoring at 12 (11 at risk), first drop below 0.5 at 13
    // (10 at risk, hidden). Full curve: (11 + 13) / 2 = 12; the shown part alone would say 11.
    const observations = [...events(1, 11), { time: 12, event: false }, ...events(13, 10)];
    const full = kaplanMeier(observations);
    expect(full.median.time).toBe(12);
    const shown = protectKaplanMeier(full);
    expect('suppressed' in shown ? null : shown.median.time).toEqual(HIDDEN);
  });

  it('reports "not reached" when the whole curve is shown and never crosses 0.5', () => {
    const shown = protectKaplanMeier(kaplanMeier([...events(1, 3), ...Array.from({ length: 20 }, () => ({ time: 5, event: false }))]));
    if ('suppressed' in shown) throw new Error('expected a curve');
    expect(shown.truncated).toBe(false);
    expect(shown.median).toEqual({ time: null, lower: null, upper: null });
  });

  it('keeps only the first aml step: the 11 Maintained patients drop to 10 at risk after it', () => {
    const aml = kaplanMeier([9, 13, 18, 23, 31, 34, 48].map((time) => ({ time, event: true })).concat([13, 28, 45, 161].map((time) => ({ time, event: false }))));
    const shown = protectKaplanMeier(aml);
    if ('suppressed' in shown) throw new Error('expected a curve');
    expect(shown.steps.map((s) => [s.time, s.nRisk])).toEqual([[9, 11]]);
    expect(shown.median).toEqual({ time: HIDDEN, lower: HIDDEN, upper: HIDDEN });
  });

  it('publishes an empty curve as it is, and honours another threshold', () => {
    expect(protectKaplanMeier(kaplanMeier([]))).toMatchObject({ n: 0, steps: [], truncated: false });
    const shown = protectKaplanMeier(kaplanMeier(events(1, 10)), { threshold: 5 });
    expect('suppressed' in shown ? [] : shown.steps.map((s) => s.time)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
