// From the cohort views' answers to chart data and table rows. Hidden figures arrive as
// { suppressed: true } (docs/statistics.md) and stay visibly hidden: a chart never draws them as
// zero, a table writes "suppressed". Pure, unit-tested in test/ui.

import { isSuppressed, money, percent, published } from './format.js';

const SIX = (n) => Math.round(n * 1e6) / 1e6;

/** Kaplan–Meier points for a step chart, from (0, 1); null when the curve is hidden. */
export function kmPoints(curve) {
  if (!curve || isSuppressed(curve)) return null;
  const start = { time: 0, survival: 1, lower: 1, upper: 1 };
  return [start, ...curve.steps.map((s) => ({ time: s.time, survival: s.survival, lower: num(s.lower), upper: num(s.upper), nRisk: num(s.nRisk) }))];
}

const num = (v) => (typeof v === 'number' ? v : null);

export function kmRows(curve) {
  if (!curve || isSuppressed(curve)) return [];
  return curve.steps.map((s) => [String(s.time), published(s.nRisk), published(s.survival, (v) => v.toFixed(3)), published(s.lower, (v) => v.toFixed(3)), published(s.upper, (v) => v.toFixed(3))]);
}

/** "4124 days (95 % CI 3150 to suppressed)"; a null time is R's NA: not reached. */
export function medianText(median, confidenceLevel = 0.95) {
  if (isSuppressed(median)) return 'suppressed';
  if (!median) return 'not reached';
  const days = (v) => (isSuppressed(v) ? 'suppressed' : v === null || v === undefined ? 'not reached' : `${v} days`);
  return `${days(median.time)} (${Math.round(confidenceLevel * 100)} % CI ${days(median.lower)} to ${days(median.upper)})`;
}

/**
 * The monthly state distribution in long form for a stacked chart: one row per month and shown
 * state; where some shares are hidden, one "suppressed" row holds what the shown ones leave
 * (1 − their sum: computed from published figures only, so it reveals nothing new).
 */
export function distributionValues(distribution, alphabet) {
  const values = [];
  for (const month of distribution) {
    let shown = 0;
    let hidden = false;
    const rows = [];
    alphabet.forEach((state, order) => {
      const share = month.shares[state.code];
      if (isSuppressed(share)) hidden = true;
      else if (typeof share === 'number') {
        shown += share;
        rows.push({ month: month.month, state: state.label, share: SIX(share), order });
      }
    });
    // A month nobody was followed in (no valid state) is a gap, not a month of zeros.
    if (rows.length === 0 && !hidden) continue;
    // Every state on every month, zeros included, so that the stacked areas line up.
    for (const [order, state] of alphabet.entries()) {
      if (!rows.some((r) => r.order === order)) rows.push({ month: month.month, state: state.label, share: 0, order });
    }
    rows.push({ month: month.month, state: SUPPRESSED_STATE, share: hidden ? SIX(Math.max(0, 1 - shown)) : 0, order: alphabet.length });
    values.push(...rows.sort((a, b) => a.order - b.order));
  }
  return values;
}

export const SUPPRESSED_STATE = 'suppressed';

export function distributionRows(distribution, alphabet) {
  return distribution.map((month) => [
    String(month.month),
    published(month.followed),
    ...alphabet.map((state) => {
      const share = month.shares[state.code];
      const count = month.counts[state.code];
      if (isSuppressed(share) || isSuppressed(count)) return 'suppressed';
      return share === null ? published(count) : `${percent(share)} (${count})`;
    }),
  ]);
}

/**
 * Cells of the transition-rate matrix: shown (a rate), suppressed, or undefined (no transition
 * from that state: TraMineR prints 0, the API says null, so that it never reads "goes nowhere").
 */
export function transitionCells(transitions, alphabet) {
  const labelOf = new Map(alphabet.map((s) => [s.code, s.label]));
  const cells = [];
  transitions.states.forEach((from, i) => {
    transitions.states.forEach((to, j) => {
      const rate = transitions.rates[i][j];
      const status = isSuppressed(rate) ? 'suppressed' : rate === null ? 'undefined' : 'shown';
      cells.push({
        from: labelOf.get(from) ?? from,
        to: labelOf.get(to) ?? to,
        rate: status === 'shown' ? SIX(rate) : null,
        status,
        text: status === 'shown' ? percent(rate) : status === 'suppressed' ? 'suppressed' : '–',
        fill: status === 'shown' ? rateColour(rate) : null,
        textColour: status === 'shown' ? textOn(rateColour(rate)) : '#1b1b1b',
      });
    });
  });
  return cells;
}

/** The rate scale's ends; the chart interpolates between them in RGB, as rateColour does. */
export const RATE_RANGE = ['#f0f6fc', '#08306b'];

/** The colour of a rate on the matrix (linear RGB interpolation, Vega's "rgb" interpolate). */
export function rateColour(rate) {
  const [a, b] = RATE_RANGE.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  const t = Math.max(0, Math.min(1, rate));
  return `#${a.map((c, i) => Math.round(c + (b[i] - c) * t).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(hexA, hexB) {
  const [hi, lo] = [luminance(hexA), luminance(hexB)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white text, whichever reads better: on any background one of them reaches 4.58:1. */
export function textOn(hex) {
  return contrast(hex, '#ffffff') >= contrast(hex, '#000000') ? '#ffffff' : '#000000';
}

export function transitionRows(transitions, alphabet) {
  const labelOf = new Map(alphabet.map((s) => [s.code, s.label]));
  return transitions.states.map((from, i) => [
    labelOf.get(from) ?? from,
    ...transitions.rates[i].map((rate) => published(rate, (v) => percent(v))),
    published(transitions.fromTotals[i]),
  ]);
}

/** Cost groups for a bar chart, in euros (the API's cents ÷ 100), hidden groups flagged. */
export function costValues(view) {
  return view.groups.map((group) => {
    const amount = group.amountCents;
    if (isSuppressed(amount)) return { key: group.key, status: 'suppressed', mid: null, min: null, max: null };
    return { key: group.key, status: 'shown', mid: amount.mid / 100, min: amount.min / 100, max: amount.max / 100 };
  });
}

/** Table rows of a cost breakdown, its total last. */
export function costRows(view) {
  const currency = view.currency;
  const amount = (a) => (isSuppressed(a) ? 'suppressed' : a.min === a.max ? money(a.mid, currency) : `${money(a.mid, currency)} (${money(a.min, currency)} to ${money(a.max, currency)})`);
  const stat = (perPerson, which) => (isSuppressed(perPerson) ? 'suppressed' : isSuppressed(perPerson[which]) ? 'suppressed' : perPerson[which] ? money(perPerson[which].mid, currency) : '–');
  const row = (group, name) => [name ?? group.key, published(group.persons), amount(group.amountCents), stat(group.perPerson, 'mean'), stat(group.perPerson, 'median')];
  return [...view.groups.map((g) => row(g)), row(view.total, 'Total')];
}

/** The cohort's headline: its size and cut-off, hidden size included. */
export function cohortFacts(cohort) {
  return {
    name: cohort.name,
    members: published(cohort.members),
    cutoff: cohort.cutoff,
    retired: Boolean(cohort.retired),
  };
}
