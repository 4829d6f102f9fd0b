import { describe, expect, it } from '@jest/globals';
import {
  contrast,
  costRows,
  costValues,
  distributionValues,
  kmPoints,
  kmRows,
  medianText,
  rateColour,
  textOn,
  transitionCells,
  transitionRows,
} from '../../apps/api/src/ui/public/cohort-data.js';

const HIDDEN = { suppressed: true as const };
const alphabet = [
  { code: 'J', label: 'job', colour: '#009E73' },
  { code: 'U', label: 'no employment measure', colour: '#DDDDDD' },
];

describe('cohort views as chart data and tables', () => {
  it('starts the Kaplan–Meier curve at (0, 1), and has none when it is hidden', () => {
    const curve = { n: 74, confidenceLevel: 0.95, truncated: true, steps: [{ time: 229, nRisk: 74, survival: 0.986486, stdErr: 0.013, lower: 0.960528, upper: 1 }] };
    expect(kmPoints(curve)).toEqual([
      { time: 0, survival: 1, lower: 1, upper: 1 },
      { time: 229, survival: 0.986486, lower: 0.960528, upper: 1, nRisk: 74 },
    ]);
    expect(kmRows(curve)).toEqual([['229', '74', '0.986', '0.961', '1.000']]);
    expect(kmPoints(HIDDEN)).toBeNull();
    expect(kmRows(HIDDEN)).toEqual([]);
  });

  it('says the median with its interval, hidden parts and "not reached" (R: NA) apart', () => {
    expect(medianText({ time: 4124, lower: 3150, upper: HIDDEN })).toBe('4124 days (95 % CI 3150 days to suppressed)');
    expect(medianText({ time: null, lower: 200, upper: null })).toBe('not reached (95 % CI 200 days to not reached)');
    expect(medianText(HIDDEN)).toBe('suppressed');
  });

  it('stacks the shown shares of each month and groups the hidden ones as "suppressed", from published figures only', () => {
    const distribution = [
      { month: 0, followed: 74, counts: { J: 0, U: 74 }, shares: { J: 0, U: 1 } },
      { month: 1, followed: 74, counts: { J: HIDDEN, U: 70 }, shares: { J: HIDDEN, U: 0.75 } },
      { month: 2, followed: HIDDEN, counts: { J: HIDDEN, U: 0 }, shares: { J: HIDDEN, U: HIDDEN } },
      { month: 3, followed: 0, counts: { J: 0, U: 0 }, shares: { J: null, U: null } },
    ];
    const values = distributionValues(distribution, alphabet);
    const month = (m: number) => values.filter((v) => v.month === m).map((v) => [v.state, v.share]);
    expect(month(0)).toEqual([['job', 0], ['no employment measure', 1], ['suppressed', 0]]);
    expect(month(1)).toEqual([['job', 0], ['no employment measure', 0.75], ['suppressed', 0.25]]);
    expect(month(2)).toEqual([['job', 0], ['no employment measure', 0], ['suppressed', 1]]);
    // Nobody followed: a gap, not zeros.
    expect(month(3)).toEqual([]);
  });

  it('keeps suppressed and undefined transitions apart, each with its words', () => {
    const transitions = { states: ['J', 'U'], rates: [[0.9789, HIDDEN], [null, null]], fromTotals: [1848, 0] };
    const cells = transitionCells(transitions, alphabet);
    expect(cells.map((c) => [c.from, c.to, c.status, c.text])).toEqual([
      ['job', 'job', 'shown', '97.9 %'],
      ['job', 'no employment measure', 'suppressed', 'suppressed'],
      ['no employment measure', 'job', 'undefined', '–'],
      ['no employment measure', 'no employment measure', 'undefined', '–'],
    ]);
    expect(transitionRows(transitions, alphabet)).toEqual([
      ['job', '97.9 %', 'suppressed', '1848'],
      ['no employment measure', '–', '–', '0'],
    ]);
  });

  it('writes every rate in a colour its text reads on (WCAG AA, 4.5:1)', () => {
    for (let rate = 0; rate <= 1; rate += 0.01) {
      const fill = rateColour(rate);
      expect(contrast(fill, textOn(fill))).toBeGreaterThanOrEqual(4.5);
    }
    expect(rateColour(0)).toBe('#f0f6fc');
    expect(rateColour(1)).toBe('#08306b');
  });

  it('draws cost groups in euros, hidden groups named without an amount, and a total row', () => {
    const view = {
      currency: 'EUR',
      groups: [
        { key: 'INAMI', persons: 60, amountCents: { mid: 24395460, min: 9142600, max: 74937940 }, perPerson: { mean: { mid: 406591, min: 1, max: 2 }, median: { mid: 188040, min: 1, max: 2 } } },
        { key: 'CPAS', persons: HIDDEN, amountCents: HIDDEN, perPerson: HIDDEN },
      ],
      total: { key: 'cohort', persons: 69, amountCents: { mid: 100, min: 100, max: 100 }, perPerson: { mean: HIDDEN, median: null } },
    };
    expect(costValues(view)).toEqual([
      { key: 'INAMI', status: 'shown', mid: 243954.6, min: 91426, max: 749379.4 },
      { key: 'CPAS', status: 'suppressed', mid: null, min: null, max: null },
    ]);
    expect(costRows(view)).toEqual([
      ['INAMI', '60', '€243,954.60 (€91,426.00 to €749,379.40)', '€4,065.91', '€1,880.40'],
      ['CPAS', 'suppressed', 'suppressed', 'suppressed', 'suppressed'],
      ['Total', '69', '€1.00', 'suppressed', '–'],
    ]);
  });
});
