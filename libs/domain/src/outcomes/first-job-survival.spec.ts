import { describe, expect, it } from '@jest/globals';
import { kaplanMeier, protectKaplanMeier } from '../statistics/index.js';
import { daysToFirstJob, firstJobObservation, firstJobObservations } from './first-job-survival.js';
import { alike, episode, member, noon, plusDays } from './outcome-fixtures.test-support.js';

const ENTRY = '2010-01-01';
const CUTOFF = noon('2010-12-31'); // 364 days after the entry's midpoint
const job = (days: number) => episode('job', plusDays(ENTRY, days), 'open');
const lost = (days: number, resumedAfter: number | null = null) => ({ lost: plusDays(ENTRY, days), resumed: resumedAfter === null ? null : plusDays(ENTRY, resumedAfter) });

describe('days to first job (Kaplan–Meier)', () => {
  it('given a hire after entry, then an event at the days from entry to its start', () => {
    const m = member(ENTRY, { episodes: [episode('job', '2008-01-01', '2009-01-01'), job(45), job(90)] }, 'a');
    expect(firstJobObservation(m, CUTOFF)).toEqual({ personId: 'a', time: 45, event: true, censorReason: null });
  });

  it('given no hire, then censored at the cut-off', () => {
    expect(firstJobObservation(member(ENTRY, {}, 'b'), CUTOFF)).toEqual({ personId: 'b', time: 364, event: false, censorReason: 'cutoff' });
  });

  it('given a loss to follow-up not resumed, then censored there; a resumed loss does not censor', () => {
    const m = member(ENTRY, { lostToFollowUp: [lost(20, 30), lost(100)] }, 'c');
    expect(firstJobObservation(m, CUTOFF)).toEqual({ personId: 'c', time: 100, event: false, censorReason: 'lost_to_follow_up' });
    const before = member(ENTRY, { lostToFollowUp: [{ lost: plusDays(ENTRY, -200), resumed: null }] }, 'd');
    expect(firstJobObservation(before, CUTOFF).censorReason).toBe('cutoff');
  });

  it('given a hire known after a loss, then the hire is the event (censoring stands for what is not known)', () => {
    expect(firstJobObservation(member(ENTRY, { lostToFollowUp: [lost(20)], episodes: [job(60)] }, 'e'), CUTOFF)).toMatchObject({ time: 60, event: true });
  });

  it('given a hire after the cut-off, then not seen: censored at the cut-off', () => {
    expect(firstJobObservation(member(ENTRY, { episodes: [job(400)] }, 'f'), CUTOFF)).toMatchObject({ time: 364, event: false, censorReason: 'cutoff' });
  });

  it('given 24 members, then the curve by hand: S(30) = 18/24, S(60) = 0.75 × 10/16; median 60, cut where fewer than 11 remain', () => {
    // 6 hired at day 30, 2 lost at day 45, 6 hired at day 60, 10 followed to the cut-off (day 364).
    const cohort = [
      ...alike(6, () => member(ENTRY, { episodes: [job(30)] })),
      ...alike(2, () => member(ENTRY, { lostToFollowUp: [lost(45)] })),
      ...alike(6, () => member(ENTRY, { episodes: [job(60)] })),
      ...alike(10, () => member(ENTRY)),
    ];
    const value = daysToFirstJob.compute(cohort, CUTOFF);
    if (!('steps' in value.curve)) throw new Error('the curve of 24 members is published');
    // Steps where it drops, and the last one shown (45: two censored, nothing drops, not a step).
    expect(value.curve.steps.map((s) => [s.time, s.nRisk])).toEqual([
      [30, 24],
      [60, 16],
    ]);
    expect(value.curve.truncated).toBe(true); // day 364: 10 at risk
    expect(value.curve.steps[0]!.survival).toBeCloseTo(0.75, 10);
    expect(value.curve.steps[1]!.survival).toBe(0.46875);
    // Greenwood: 6/(24·18) + 6/(16·10) = 0.0513889; log interval 0.46875·exp(±1.959964·0.226691).
    expect(value.curve.steps[1]!.lower).toBeCloseTo(0.30059, 4);
    expect(value.curve.steps[1]!.upper).toBeCloseTo(0.73097, 4);
    // Median 60; its lower limit where the lower band crosses 0.5 (day 60); the upper band never does.
    expect(value.median).toEqual({ time: 60, lower: 60, upper: { suppressed: true, reason: 'small_cell' } });
    // The statistics module's curve, at its drops, to 6 decimals.
    const reference = protectKaplanMeier(kaplanMeier(firstJobObservations(cohort, CUTOFF)));
    if (!('steps' in reference)) throw new Error('published');
    expect(value.curve.steps.map((s) => s.upper)).toEqual([reference.steps[0]!.upper, reference.steps[2]!.upper].map((x) => Math.round(x! * 1e6) / 1e6));
    expect(value.median).toEqual(reference.median);
    // 10 censored at the cut-off and 2 at a loss: both under 11, both hidden; the 12 hired show.
    expect(value.persons).toEqual({
      total: 24,
      counts: { hired: 12, censored_cutoff: { suppressed: true, reason: 'small_cell' }, censored_lost_to_follow_up: { suppressed: true, reason: 'small_cell' } },
    });
  });

  it('given fewer than 11 members, then no curve and no median', () => {
    const value = daysToFirstJob.compute(alike(5, () => member(ENTRY, { episodes: [job(30)] })), CUTOFF);
    expect(value.curve).toEqual({ suppressed: true, reason: 'small_cell' });
    expect(value.median).toEqual({ suppressed: true, reason: 'small_cell' });
  });
});
