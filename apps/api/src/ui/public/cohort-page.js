// /ui/cohorts/:id — a cohort's outcomes, state sequences and costs, small cells hidden.

import { apiRoot, explainFailure, getJson } from './api.js';
import { costRows, costValues, distributionRows, distributionValues, kmPoints, kmRows, medianText, transitionCells, transitionRows } from './cohort-data.js';
import { costSpec, distributionSpec, embedChart, kmSpec, transitionSpec } from './cohort-charts.js';
import { h, replaceChildren, table } from './dom.js';
import { formatDay, published, words } from './format.js';
import { sessionPanel } from './session-panel.js';
import { tokenClaims } from './session.js';

const $ = (id) => document.getElementById(id);
const cohortId = decodeURIComponent(window.location.pathname.split('/').filter(Boolean).at(-1) ?? '');
const root = apiRoot(window.location.href);
const base = `cohorts/${encodeURIComponent(cohortId)}`;
const state = { token: null, failure: null };

const placeholder = (text) => h('div', { class: 'placeholder', 'data-testid': 'chart-placeholder' }, text);

async function chart(element, spec) {
  try {
    await embedChart(element, spec);
  } catch (error) {
    replaceChildren(element, placeholder(error instanceof Error ? error.message : String(error)));
  }
}

/** A section that could not load says why in place; the first failure also goes in the page alert. */
function failed(elements, error) {
  const info = explainFailure(error, tokenClaims(state.token ?? ''));
  for (const element of elements) replaceChildren(element, placeholder(`Not available: ${info.title}.`));
  if (!state.failure) {
    state.failure = info;
    replaceChildren($('alert'), h('div', { class: 'alert', 'data-status': info.status }, h('strong', {}, info.title), h('p', {}, info.detail)));
    if (info.needsToken) ask(info.detail);
  }
}

function header(cohort) {
  $('title').textContent = cohort.name;
  document.title = `${cohort.name} — Parcours`;
  replaceChildren(
    $('cohort-facts'),
    h('span', {}, 'Members: ', h('strong', { 'data-testid': 'members' }, published(cohort.members))),
    h('span', {}, 'Observed until ', h('strong', {}, formatDay(cohort.cutoff))),
    cohort.entryRule ? h('span', {}, 'Entry: ', h('strong', {}, words(cohort.entryRule))) : null,
    cohort.retired ? h('span', {}, h('strong', {}, 'retired')) : null,
  );
}

async function loadOutcomes() {
  try {
    const outcomes = await getJson(root, `${base}/outcomes`, state.token);
    header(outcomes.cohort);
    const km = outcomes.indicators.daysToFirstJob;
    $('km-definition').textContent = km.definition;
    const points = kmPoints(km.curve);
    const level = km.curve && typeof km.curve.confidenceLevel === 'number' ? km.curve.confidenceLevel : 0.95;
    if (points) await chart($('km-chart'), kmSpec(points, { median: typeof km.median?.time === 'number' ? km.median.time : null, confidenceLevel: level }));
    else replaceChildren($('km-chart'), placeholder('The curve is suppressed: it would describe fewer than 11 members.'));
    const counts = km.persons.counts;
    $('km-caption').textContent =
      `Members hired: ${published(counts.hired)}; censored at the cut-off: ${published(counts.censored_cutoff)}; lost to follow-up: ${published(counts.censored_lost_to_follow_up)}; ` +
      `all: ${published(km.persons.total)}. Median: ${medianText(km.median, level)}.` +
      (points && km.curve.truncated ? ' The curve stops where fewer than 11 members remained at risk.' : '');
    const rows = kmRows(km.curve);
    replaceChildren($('km-table'), rows.length ? table('Steps of the curve', ['Day', 'At risk', 'Not yet hired', `Lower ${Math.round(level * 100)} %`, `Upper ${Math.round(level * 100)} %`], rows, { 'data-testid': 'km-table' }) : null);
  } catch (error) {
    failed([$('km-chart')], error);
  }
}

async function loadSequences() {
  const field = $('sequence-field').value;
  const origin = $('sequence-origin').value;
  for (const id of ['distribution-chart', 'transition-chart']) replaceChildren($(id), h('p', { class: 'note' }, 'Loading…'));
  try {
    const answer = await getJson(root, `${base}/transitions?field=${encodeURIComponent(field)}&origin=${encodeURIComponent(origin)}`, state.token);
    const { alphabet, distribution, transitions } = answer;
    $('sequence-origin-meaning').textContent = `Month 0 is ${answer.origin.meaning.replace(/^month 0 is /, '')}. One state per month, by precedence: ${answer.precedence}.`;
    const values = distributionValues(distribution, alphabet);
    if (values.length) await chart($('distribution-chart'), distributionSpec(values, alphabet));
    else replaceChildren($('distribution-chart'), placeholder('No month to show.'));
    replaceChildren($('distribution-table'), table(`States of the ${field} field, month by month`, ['Month', 'Followed', ...alphabet.map((s) => s.label)], distributionRows(distribution, alphabet)));
    const labels = transitions.states.map((code) => alphabet.find((s) => s.code === code)?.label ?? code);
    await chart($('transition-chart'), transitionSpec(transitionCells(transitions, alphabet), labels));
    $('transition-caption').textContent = 'Each row: where members in that state were the next month. "–": nobody was in that state, so no rate.';
    replaceChildren($('transition-table'), table('Transition rates, month to month (row: this month, column: next month)', ['From \\ to', ...labels, 'Transitions from'], transitionRows(transitions, alphabet)));
  } catch (error) {
    failed([$('distribution-chart'), $('transition-chart')], error);
  }
}

async function loadCosts(groupBy, chartElement, tableElement) {
  try {
    const costs = await getJson(root, `${base}/costs?groupBy=${groupBy}`, state.token);
    const notes = [
      `Amounts in ${costs.currency}, over each member's whole path up to the cut-off; "Persons" counts the members with a cost in the group.`,
      costs.illustrative ? 'Some amounts come from illustrative tariffs.' : null,
      costs.includesUnknownEnds ? 'Episodes whose end is unknown count their first day only: those amounts are floors.' : null,
      costs.otherCurrencies.length ? `Also costs in ${costs.otherCurrencies.join(', ')} (never added to these).` : null,
    ];
    $('costs-note').textContent = notes.filter(Boolean).join(' ');
    const values = costValues(costs);
    if (values.some((v) => v.status === 'shown')) await chart(chartElement, costSpec(values, { currency: costs.currency, by: groupBy }));
    else replaceChildren(chartElement, placeholder(values.length ? `Every group is suppressed: the table lists them.` : 'No cost recorded or priced for this cohort.'));
    replaceChildren(tableElement, table(`Costs by ${groupBy}`, [groupBy === 'funder' ? 'Funder' : 'Field', 'Persons', `Amount (${costs.currency}): mid (least to most)`, 'Mean per person', 'Median per person'], costRows(costs)));
  } catch (error) {
    failed([chartElement], error);
  }
}

async function load(token) {
  state.token = token;
  state.failure = null;
  replaceChildren($('alert'));
  $('status').textContent = 'Loading the cohort…';
  await Promise.all([loadOutcomes(), loadSequences(), loadCosts('funder', $('costs-funder-chart'), $('costs-funder-table')), loadCosts('field', $('costs-field-chart'), $('costs-field-table'))]);
  $('status').textContent = state.failure ? '' : 'Loaded.';
}

$('sequence-controls').addEventListener('change', () => {
  if (state.token) loadSequences();
});
$('sequence-controls').addEventListener('submit', (event) => event.preventDefault());

const ask = sessionPanel($('session'), load);
