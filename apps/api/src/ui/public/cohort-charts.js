// Vega-Lite specifications of the cohort charts (pure, checked against the Vega-Lite compiler in
// test/ui) and how they are embedded: SVG, no actions menu, and Vega's expression interpreter
// (ast: true) instead of code generation, so that no script runs through `new Function` and the
// page works under a Content-Security-Policy with script-src 'self' and no 'unsafe-eval'.

import { RATE_RANGE, SUPPRESSED_STATE } from './cohort-data.js';

const INK = '#1b1b1b';
const MUTED = '#4d4d4d';
// Darker than the light grey of "no measure" states (#DDDDDD in the alphabets): hidden must not read as a state.
const SUPPRESSED_FILL = '#6b6b6b';

export const CONFIG = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  axis: { labelColor: MUTED, titleColor: INK, labelFontSize: 11, titleFontSize: 12, gridColor: '#e3e3e3', domainColor: MUTED, tickColor: MUTED },
  legend: { labelColor: INK, titleColor: INK, labelFontSize: 11, titleFontSize: 12 },
  view: { stroke: null },
};

/** Kaplan–Meier step curve with its confidence band, and the median when published. */
export function kmSpec(points, { median = null, confidenceLevel = 0.95 } = {}) {
  const level = `${Math.round(confidenceLevel * 100)} %`;
  const tooltip = [
    { field: 'time', type: 'quantitative', title: 'Day' },
    { field: 'survival', type: 'quantitative', title: 'Not yet hired', format: '.1%' },
    { field: 'lower', type: 'quantitative', title: `Lower ${level}`, format: '.1%' },
    { field: 'upper', type: 'quantitative', title: `Upper ${level}`, format: '.1%' },
    { field: 'nRisk', type: 'quantitative', title: 'At risk' },
  ];
  // Every layer names the same title and scale, so that they share one y axis.
  const y = (field) => ({ field, type: 'quantitative', title: 'Share not yet hired', scale: { domain: [0, 1] }, axis: { format: '.0%' } });
  const layers = [
    { mark: { type: 'area', interpolate: 'step-after', color: '#0072B2', opacity: 0.2 }, encoding: { y: y('lower'), y2: { field: 'upper' } } },
    { mark: { type: 'line', interpolate: 'step-after', color: '#0b4f85', strokeWidth: 2 }, encoding: { y: y('survival') } },
    { mark: { type: 'point', filled: true, size: 18, color: '#0b4f85' }, encoding: { y: y('survival'), tooltip } },
  ];
  if (typeof median === 'number') {
    layers.push({
      data: { values: [{ time: median, label: `median: ${median} days` }] },
      layer: [
        { mark: { type: 'rule', color: INK, strokeDash: [4, 4] }, encoding: { x: { field: 'time', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'left', dx: 4, dy: -6, color: INK, fontSize: 11 }, encoding: { x: { field: 'time', type: 'quantitative' }, y: { datum: 0.5 }, text: { field: 'label' } } },
      ],
    });
  }
  return {
    description: `Kaplan–Meier estimate of the share of members not yet hired, by days since their cohort entry, with its ${level} confidence band`,
    width: 'container',
    height: 300,
    data: { values: points },
    encoding: { x: { field: 'time', type: 'quantitative', title: 'Days since cohort entry' } },
    layer: layers,
  };
}

/** Monthly state distribution as stacked areas; hidden shares stacked as one grey "suppressed" area. */
export function distributionSpec(values, alphabet) {
  return {
    description: 'Share of the members followed in each state, month by month since their cohort entry; hidden shares are grouped as suppressed',
    width: 'container',
    height: 260,
    data: { values },
    mark: { type: 'area', interpolate: 'step-after' },
    encoding: {
      x: { field: 'month', type: 'quantitative', title: 'Months since cohort entry' },
      y: { field: 'share', type: 'quantitative', stack: 'zero', title: 'Share of members followed', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
      color: {
        field: 'state',
        type: 'nominal',
        title: 'State',
        scale: { domain: [...alphabet.map((s) => s.label), SUPPRESSED_STATE], range: [...alphabet.map((s) => s.colour), SUPPRESSED_FILL] },
        legend: { orient: 'bottom', columns: 4, symbolType: 'square' },
      },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [
        { field: 'month', type: 'quantitative', title: 'Month' },
        { field: 'state', type: 'nominal', title: 'State' },
        { field: 'share', type: 'quantitative', title: 'Share', format: '.1%' },
      ],
    },
  };
}

/** The transition-rate matrix as a heat map; hidden and undefined cells in greys, with words. */
export function transitionSpec(cells, labels) {
  const side = Math.max(56, Math.min(96, Math.floor(640 / Math.max(1, labels.length))));
  const only = (status) => [{ filter: { field: 'status', equal: status } }];
  return {
    description: 'Monthly transition rates between states (from the row state to the column state the next month); suppressed cells are grey',
    width: side * labels.length,
    height: side * labels.length * 0.6,
    data: { values: cells },
    encoding: {
      x: { field: 'to', type: 'nominal', sort: labels, title: 'State the next month', axis: { labelAngle: -25, labelLimit: 140, orient: 'top' } },
      y: { field: 'from', type: 'nominal', sort: labels, title: 'State this month', axis: { labelLimit: 180 } },
    },
    layer: [
      {
        transform: only('shown'),
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 2 },
        encoding: {
          color: { field: 'rate', type: 'quantitative', title: 'Rate', scale: { domain: [0, 1], range: RATE_RANGE, interpolate: 'rgb' }, legend: { format: '.0%', orient: 'right' } },
          tooltip: [
            { field: 'from', type: 'nominal', title: 'From' },
            { field: 'to', type: 'nominal', title: 'To' },
            { field: 'text', type: 'nominal', title: 'Rate' },
          ],
        },
      },
      { transform: only('suppressed'), mark: { type: 'rect', color: '#d4d4d4', stroke: '#ffffff', strokeWidth: 2 } },
      { transform: only('undefined'), mark: { type: 'rect', color: '#f4f4f4', stroke: '#ffffff', strokeWidth: 2 } },
      { mark: { type: 'text', fontSize: 10.5 }, encoding: { text: { field: 'text' }, color: { field: 'textColour', type: 'nominal', scale: null } } },
    ],
    // The cells' rate scale and the text's literal colours are two different colour encodings.
    resolve: { scale: { color: 'independent' } },
  };
}

/** Cost groups as bars (midpoint) with their min–max range; hidden groups keep their row, in words. */
export function costSpec(values, { currency, by }) {
  const shown = [{ filter: { field: 'status', equal: 'shown' } }];
  const tooltip = [
    { field: 'key', type: 'nominal', title: by },
    { field: 'mid', type: 'quantitative', title: `Amount (${currency}, mid)`, format: ',.2f' },
    { field: 'min', type: 'quantitative', title: 'Least', format: ',.2f' },
    { field: 'max', type: 'quantitative', title: 'Most', format: ',.2f' },
  ];
  return {
    description: `Cohort costs by ${by}, in ${currency}: bars at the midpoint of imprecise dates, lines from the least to the most they allow; suppressed groups are named without a bar`,
    width: 'container',
    height: Math.max(60, values.length * 30),
    data: { values },
    encoding: { y: { field: 'key', type: 'nominal', sort: null, title: null, axis: { labelLimit: 280 } } },
    layer: [
      { transform: shown, mark: { type: 'bar', color: '#0072B2', height: { band: 0.6 } }, encoding: { x: { field: 'mid', type: 'quantitative', title: `Amount (${currency})`, axis: { format: '~s' } }, tooltip } },
      { transform: shown, mark: { type: 'rule', color: INK, strokeWidth: 1.5 }, encoding: { x: { field: 'min', type: 'quantitative' }, x2: { field: 'max' } } },
      { transform: [{ filter: { field: 'status', equal: 'suppressed' } }], mark: { type: 'text', align: 'left', dx: 4, fontStyle: 'italic', color: MUTED }, encoding: { x: { datum: 0, type: 'quantitative' }, text: { value: 'suppressed' } } },
    ],
  };
}

/** Embeds a spec in `element` with the CSP-safe options. Needs the vendor bundles (window.vegaEmbed). */
export async function embedChart(element, spec) {
  if (typeof window.vegaEmbed !== 'function') throw new Error('The chart library (Vega) did not load: the tables below hold the same figures.');
  return window.vegaEmbed(element, { config: CONFIG, ...spec }, {
    mode: 'vega-lite',
    renderer: 'svg',
    actions: false,
    ast: true,
    defaultStyle: false,
    tooltip: { theme: 'custom', disableDefaultStyle: true },
  });
}
