import { describe, expect, it } from '@jest/globals';
import { parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { CONFIG, costSpec, distributionSpec, kmSpec, transitionSpec } from '../../apps/api/src/ui/public/cohort-charts.js';
import { costValues, distributionValues, kmPoints, transitionCells } from '../../apps/api/src/ui/public/cohort-data.js';

const HIDDEN = { suppressed: true as const };
const alphabet = [
  { code: 'J', label: 'job', colour: '#009E73' },
  { code: 'W', label: 'insertion workshop', colour: '#E69F00' },
  { code: 'U', label: 'no employment measure', colour: '#DDDDDD' },
];

/** Compiles a spec as the page does, and parses it as vega-embed does with ast: true (no code generation). */
function check(spec: object): void {
  const { spec: vega } = compile({ config: CONFIG, ...spec } as TopLevelSpec);
  expect(() => parse(vega, undefined, { ast: true })).not.toThrow();
}

describe('the cohort charts are valid Vega-Lite, for the CSP-safe interpreter', () => {
  it('Kaplan–Meier curve, with and without a published median', () => {
    const points = kmPoints({ n: 30, confidenceLevel: 0.95, truncated: false, steps: [{ time: 10, nRisk: 30, survival: 0.9, lower: 0.8, upper: 1 }, { time: 40, nRisk: 20, survival: 0.45, lower: 0.3, upper: 0.6 }] })!;
    check(kmSpec(points, { median: 40 }));
    check(kmSpec(points));
  });

  it('state distribution with hidden shares, and the transition matrix with its three kinds of cell', () => {
    const distribution = [
      { month: 0, followed: 40, counts: { J: 0, W: 20, U: 20 }, shares: { J: 0, W: 0.5, U: 0.5 } },
      { month: 1, followed: 40, counts: { J: HIDDEN, W: 20, U: HIDDEN }, shares: { J: HIDDEN, W: 0.5, U: HIDDEN } },
    ];
    check(distributionSpec(distributionValues(distribution, alphabet), alphabet));
    const transitions = { states: ['J', 'W', 'U'], rates: [[0.9, HIDDEN, HIDDEN], [null, null, null], [0.1, 0.2, 0.7]], fromTotals: [100, 0, 200] };
    check(transitionSpec(transitionCells(transitions, alphabet), alphabet.map((s) => s.label)));
  });

  it('costs, some groups hidden', () => {
    const view = {
      currency: 'EUR',
      groups: [
        { key: 'INAMI', persons: 60, amountCents: { mid: 200, min: 100, max: 300 }, perPerson: HIDDEN },
        { key: 'CPAS', persons: HIDDEN, amountCents: HIDDEN, perPerson: HIDDEN },
      ],
      total: { key: 'cohort', persons: 69, amountCents: { mid: 200, min: 100, max: 300 }, perPerson: HIDDEN },
    };
    check(costSpec(costValues(view), { currency: 'EUR', by: 'funder' }));
  });
});
