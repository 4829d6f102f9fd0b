// /ui/persons/:id — a person's parcours as a timeline, replayed as known at each recorded event.

import { apiGet, apiRoot, explainFailure, getJson, readNdjson } from './api.js';
import { h, replaceChildren, table } from './dom.js';
import { describeSpan, describeValidTime, eventLabel, formatDay, formatRecordedAt, words } from './format.js';
import { recordedTogether, stepText } from './replay.js';
import { sessionPanel } from './session-panel.js';
import { tokenClaims } from './session.js';
import { GEOMETRY, renderTimeline } from './timeline-svg.js';
import { LANES, layoutTimeline, timeDomain, touchedBy } from './timeline-layout.js';

const $ = (id) => document.getElementById(id);
const personId = decodeURIComponent(window.location.pathname.split('/').filter(Boolean).at(-1) ?? '');
const root = apiRoot(window.location.href);
const slider = $('known-at');
const state = { token: null, frames: [], view: null, frame: null, domain: null, width: 0, request: null };

const status = (text) => {
  $('status').textContent = text;
};

function failure(error) {
  if (error && error.name === 'AbortError') return;
  const info = explainFailure(error, tokenClaims(state.token ?? ''));
  replaceChildren($('alert'), h('div', { class: 'alert', 'data-status': info.status }, h('strong', {}, info.title), h('p', {}, info.detail)));
  status('');
  if (info.needsToken) ask(info.detail);
}

async function load(token) {
  state.request?.abort();
  const request = new AbortController();
  state.request = request;
  state.token = token;
  replaceChildren($('alert'));
  slider.disabled = true;
  status('Loading the parcours…');
  const path = `persons/${encodeURIComponent(personId)}`;
  try {
    const view = await getJson(root, `${path}/parcours`, token, { signal: request.signal });
    state.frames = [];
    state.domain = timeDomain([view], Date.parse(view.indicators.observation.to));
    show(view, null);
    status('Loading the replay…');
    const response = await apiGet(root, `${path}/replay`, token, { accept: 'application/x-ndjson', signal: request.signal });
    const frames = [];
    await readNdjson(response, (frame) => {
      frames.push(frame);
      if (frames.length % 50 === 0) status(`Loading the replay: ${frames.length} steps…`);
    });
    if (request.signal.aborted || frames.length === 0) return;
    state.frames = frames;
    // One time axis for every step, so that the path grows in place as the slider moves.
    state.domain = timeDomain([view, ...frames.map((f) => f.view)], Date.parse(view.indicators.observation.to));
    slider.max = String(frames.length - 1);
    slider.value = slider.max;
    slider.disabled = false;
    for (const id of ['step-back', 'step-next', 'step-latest']) $(id).disabled = false;
    moveTo(frames.length - 1);
    status(`${frames.length} recorded events: move the slider to see the path as it was known after each.`);
  } catch (error) {
    failure(error);
  }
}

function moveTo(index) {
  const frames = state.frames;
  const i = Math.max(0, Math.min(frames.length - 1, index));
  slider.value = String(i);
  const text = stepText(frames, i);
  slider.setAttribute('aria-valuetext', text);
  const together = recordedTogether(frames, i);
  $('known-at-text').textContent = together ? `${text} (recorded together with ${together} other event${together > 1 ? 's' : ''})` : text;
  show(frames[i].view, frames[i]);
}

function show(view, frame) {
  state.view = view;
  state.frame = frame;
  const who = view.pseudonym ?? 'this person';
  $('title').textContent = `Parcours of ${who}`;
  document.title = `${who} — Parcours`;
  $('timeline-caption').textContent = frame
    ? `The parcours of ${who} as known at ${formatRecordedAt(frame.recordedAt)}, after step ${frame.step + 1} (${eventLabel(frame.type)}, outlined).`
    : `The parcours of ${who} as known now.`;
  draw();
  renderTables(view, frame);
}

function draw() {
  const container = $('timeline');
  if (!state.view) return;
  state.width = container.clientWidth;
  // Room after an open end's arrow or an unknown end's stub, in time units at this width.
  const pixels = Math.max(1, Math.max(720, state.width) - GEOMETRY.gutter - GEOMETRY.right);
  const pad = ((state.domain[1] - state.domain[0]) * 24) / pixels;
  renderTimeline(container, layoutTimeline(state.view, { pad, domain: state.domain }), { domain: state.domain, highlight: state.frame?.eventId ?? null });
}

function renderTables(view, frame) {
  const laneOf = new Map();
  const rows = [];
  for (const { lane, label } of LANES) {
    const content = view.lanes[lane] ?? { episodes: [], events: [] };
    for (const episode of content.episodes) {
      laneOf.set(episode.start.eventId, { lane: label, what: `${words(episode.kind)}: start`, fact: episode.start });
      if (episode.end) laneOf.set(episode.end.eventId, { lane: label, what: `${words(episode.kind)}: end`, fact: episode.end });
    }
    for (const fact of content.events) laneOf.set(fact.eventId, { lane: label, what: eventLabel(fact.type), fact });
  }
  for (const id of view.order) {
    const entry = laneOf.get(id);
    if (!entry) continue;
    const fresh = frame && touchedBy(entry.fact, frame.eventId);
    rows.push({
      cells: [entry.what, describeValidTime(entry.fact.validTime), entry.lane, words(entry.fact.provenance), formatRecordedAt(entry.fact.recordedAt)],
      attributes: fresh ? { class: 'is-new' } : {},
    });
  }
  replaceChildren($('facts'), table('What is known, in path order', ['What', 'When (valid time)', 'Lane', 'Provenance', 'Recorded at'], rows, { 'data-testid': 'facts-table' }));

  const articulations = view.articulations.map((a) => [
    a.kind === 'referral' ? 'referral (orientation)' : 'hand-off',
    `${a.from?.name ?? a.fromField ?? '?'} → ${a.to?.name ?? a.toField ?? '?'}`,
    describeValidTime(a.when),
    a.relation === 'overlap' ? 'overlap (tuilage)' : a.relation,
    describeSpan(a.days),
    a.successful === null ? 'not known' : a.successful ? 'yes' : 'no',
  ]);
  replaceChildren(
    $('articulations'),
    articulations.length ? table('Articulations: referrals and hand-offs between services', ['Kind', 'Between', 'When', 'Relation', 'Overlap or gap', 'Worked'], articulations) : h('p', {}, 'No articulation recorded.'),
  );

  const periods = view.periods.map((p) => [p.label, p.programmeName ?? '–', describeValidTime(p.span), String(p.eventIds.length)]);
  replaceChildren($('periods'), periods.length ? table('Canvas periods of the programmes entered', ['Period', 'Programme', 'Span', 'Facts in it'], periods) : h('p', {}, 'No programme canvas.'));

  const ind = view.indicators;
  const hire = ind.firstHire;
  const items = [
    ['Observed', `${ind.observation.from ? formatDay(ind.observation.from) : '–'} to ${formatDay(ind.observation.to)}${ind.observation.years !== null ? ` (${ind.observation.years} years)` : ''}`],
    ['First contact', ind.firstContact ? describeValidTime(ind.firstContact.when) : 'none recorded'],
    ['First hire', hire ? `${describeValidTime(hire.when)}, ${hire.afterFirstContact.years} years after first contact` : 'none recorded'],
    ['Hospital admissions', `${ind.hospitalisations.count}${ind.hospitalisations.perPersonYear !== null ? ` (${ind.hospitalisations.perPersonYear} per person-year)` : ''}`],
    ['Relapses', `${ind.relapses.count}, ${ind.relapses.contained} contained`],
    ['Months employed', String(ind.monthsEmployed)],
    ['Now in', [...ind.currentStatus.care, ...ind.currentStatus.training, ...ind.currentStatus.employment].map(words).join(', ') || 'nothing open'],
  ];
  replaceChildren($('indicators'), h('dl', { class: 'indicators' }, items.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))));

  replaceChildren(
    $('retracted'),
    view.retracted.length ? table('Retracted facts (no longer on the path)', ['Event', 'Reason', 'Retracted at'], view.retracted.map((r) => [eventLabel(r.type), r.reason, formatRecordedAt(r.recordedAt)])) : null,
  );
}

slider.addEventListener('input', () => moveTo(Number(slider.value)));
$('step-back').addEventListener('click', () => moveTo(Number(slider.value) - 1));
$('step-next').addEventListener('click', () => moveTo(Number(slider.value) + 1));
$('step-latest').addEventListener('click', () => moveTo(state.frames.length - 1));
// Redraw on width changes only: drawing changes the height, which must not loop.
new ResizeObserver(() => {
  if ($('timeline').clientWidth !== state.width) window.requestAnimationFrame(draw);
}).observe($('timeline'));

const ask = sessionPanel($('session'), load);
