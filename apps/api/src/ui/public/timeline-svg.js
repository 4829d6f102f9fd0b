// Draws a timeline layout (timeline-layout.js) as SVG, with a tooltip on hover and on keyboard
// focus. No inline styles or markup strings: classes (ui.css) and presentation attributes only,
// so the page runs under a Content-Security-Policy without 'unsafe-inline'.

import { h, s, replaceChildren } from './dom.js';
import { describeSpan, describeValidTime, eventLabel, formatDay, formatRecordedAt, words } from './format.js';
import { timeScale, touchedBy, yearTicks } from './timeline-layout.js';

export const GEOMETRY = { gutter: 156, right: 40, top: 44, eventsTrack: 24, row: 26, bar: 16, laneGap: 10 };

/** Where a lane's tracks are: the events track first, then one row per packed episode row. */
export function laneGeometry(layout, g = GEOMETRY) {
  let y = g.top;
  const lanes = new Map();
  for (const lane of layout.lanes) {
    const height = g.eventsTrack + lane.rows * g.row + g.laneGap;
    lanes.set(lane.lane, { y, height, lane });
    y += height;
  }
  const trackY = (lane, row) => {
    const at = lanes.get(lane) ?? lanes.get('person');
    return row === 'events' ? at.y + g.eventsTrack / 2 : at.y + g.eventsTrack + row * g.row + g.row / 2;
  };
  return { lanes, trackY, height: y + 8 };
}

/** Tooltip lines of a fact: what, when, where, who told it, when it was recorded. */
function factLines(fact) {
  const org = fact.organisation ? [fact.organisation.name, fact.organisation.role].filter(Boolean).join(', ') : null;
  const last = fact.corrections.at(-1);
  return [
    ['When', describeValidTime(fact.validTime)],
    org ? ['Organisation', org] : null,
    ['Provenance', words(fact.provenance)],
    ['Recorded', formatRecordedAt(fact.recordedAt)],
    last ? ['Corrected', `${fact.corrections.length}×, last recorded ${formatRecordedAt(last.recordedAt)}: ${last.reason}`] : null,
    fact.note ? ['Note', fact.note] : null,
  ].filter(Boolean);
}

function episodeTip(bar) {
  const { episode } = bar;
  const end =
    episode.endStatus === 'open'
      ? [['End', 'open: still going as far as known']]
      : episode.endStatus === 'unknown'
        ? [['End', episode.endedBefore ? `ended, date unknown (before ${describeValidTime(episode.endedBefore)})` : 'ended, date unknown']]
        : [['End', describeValidTime(episode.end.validTime)], ['End told by', words(episode.end.provenance)], ['End recorded', formatRecordedAt(episode.end.recordedAt)]];
  return { title: `${words(episode.kind)} (${bar.lane})`, lines: [['Start', describeValidTime(episode.start.validTime)], ...factLines(episode.start).slice(1), ...end] };
}

function linkTip(link) {
  const a = link.articulation;
  const ends = `${a.from?.name ?? a.fromField ?? '?'} → ${a.to?.name ?? a.toField ?? '?'}`;
  const relation = a.relation === 'overlap' ? 'overlap (tuilage)' : a.relation;
  return {
    title: a.kind === 'referral' ? 'Referral (orientation)' : 'Hand-off',
    lines: [['Between', ends], ['When', describeValidTime(a.when)], ['Relation', relation], a.days ? ['Days', describeSpan(a.days)] : null, a.successful === null ? null : ['Worked', a.successful ? 'yes' : 'no']].filter(Boolean),
  };
}

const label = (tip) => `${tip.title}. ${tip.lines.map(([k, v]) => `${k}: ${v}`).join('. ')}`;

/**
 * Renders `layout` into `container` over `domain`. `highlight` is the id of the event recorded
 * at this replay step: what it added or corrected is outlined.
 */
export function renderTimeline(container, layout, { domain, highlight = null, caption = 'timeline-caption' } = {}) {
  const g = GEOMETRY;
  const width = Math.max(720, Math.floor(container.clientWidth || 960));
  const geometry = laneGeometry(layout);
  const x = timeScale(domain, [g.gutter, width - g.right]);
  const clampX = (t) => Math.min(width - g.right, Math.max(g.gutter, x(t)));
  const bottom = geometry.height;
  const tips = new Map();
  const defs = s('defs', {}, s('marker', { id: 'tl-arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' }, s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head' })));
  const tip = (id, content) => {
    tips.set(id, content);
    return { 'data-tip': id, 'aria-label': label(content) };
  };

  const bands = layout.bands
    .filter((band) => band.to >= domain[0] && band.from <= domain[1])
    .map((band, i) => {
      const x0 = clampX(Math.max(band.from, domain[0]));
      const x1 = clampX(Math.min(band.to, domain[1]));
      const text = band.label.length * 6.2 < x1 - x0 - 8 ? band.label : band.label.length > 6 && x1 - x0 > 40 ? `${band.label.slice(0, Math.floor((x1 - x0 - 12) / 6.2))}…` : '';
      return s(
        'g',
        { class: `band band-${i % 2}`, 'data-testid': 'period-band' },
        s('title', {}, `${band.programme ? `${band.programme}: ` : ''}${band.label} (${describeValidTime(band.period.span)})`),
        s('rect', { x: x0, y: 0, width: Math.max(0, x1 - x0), height: bottom }),
        s('text', { x: x0 + 4, y: 13, class: 'band-label' }, text),
      );
    });

  const ticks = yearTicks(domain, Math.max(4, Math.floor((width - g.gutter) / 70))).map((tick) =>
    s('g', { class: 'tick' }, s('line', { x1: x(tick.at), x2: x(tick.at), y1: 30, y2: bottom }), s('text', { x: x(tick.at), y: 30, 'text-anchor': 'middle' }, String(tick.year))),
  );

  const lanes = [...geometry.lanes.values()].map(({ y, height, lane }, i) =>
    s(
      'g',
      { class: `lane lane-${lane.lane}`, 'data-lane': lane.lane, 'data-testid': 'lane' },
      s('rect', { class: `lane-bg lane-bg-${i % 2}`, x: 0, y, width, height: height - 2 }),
      s('text', { class: 'lane-label', x: 10, y: y + 16 }, lane.label),
      s('text', { class: 'lane-hint', x: 10, y: y + 30 }, lane.hint),
      lane.rows === 0 && lane.events === 0 ? s('text', { class: 'lane-empty', x: g.gutter + 8, y: y + 16 }, 'nothing recorded') : null,
    ),
  );

  const bars = layout.bars.map((bar, i) => {
    const { extent } = bar;
    const cy = geometry.trackY(bar.lane, bar.row);
    const y = cy - g.bar / 2;
    const x0 = x(bar.shown.from);
    const x1 = Math.max(x(bar.shown.to), x0 + 3);
    const gradient = `tl-grad-${i}`;
    defs.append(s('linearGradient', { id: gradient, x1: '0', x2: '1', y1: '0', y2: '0' }, bar.stops.map((stop) => s('stop', { offset: stop.offset, class: `stop-${bar.lane}`, 'stop-opacity': stop.opacity }))));
    const fresh = touchedBy(bar.episode.start, highlight) || (bar.episode.end && touchedBy(bar.episode.end, highlight));
    const innerEnd = Math.min(extent.innerEnd, bar.shown.to);
    const core = innerEnd > extent.innerStart ? s('rect', { class: 'bar-core', x: x(extent.innerStart), y, width: Math.max(1, x(innerEnd) - x(extent.innerStart)), height: g.bar, rx: 2 }) : null;
    const kind = words(bar.episode.kind);
    return s(
      'g',
      { class: `episode lane-${bar.lane}${extent.open ? ' is-open' : ''}${extent.unknownEnd ? ' is-unknown-end' : ''}${fresh ? ' is-new' : ''}`, tabindex: '0', role: 'img', 'data-testid': 'episode', 'data-episode': bar.id, ...tip(`e:${bar.id}`, episodeTip(bar)) },
      s('rect', { class: 'bar-fill', x: x0, y, width: x1 - x0, height: g.bar, rx: 2, fill: `url(#${gradient})` }),
      s('rect', { class: 'bar-outline', x: x0, y, width: x1 - x0, height: g.bar, rx: 2 }),
      core,
      extent.open ? s('path', { class: 'open-arrow', d: `M${x1},${y - 2} L${x1 + 10},${cy} L${x1},${y + g.bar + 2} z` }) : null,
      extent.unknownEnd && !extent.endedBefore ? s('path', { class: 'unknown-stub', d: `M${x1},${y + 2} h12 M${x1},${cy} h12 M${x1},${y + g.bar - 2} h12` }) : null,
      extent.unknownEnd ? s('text', { class: 'unknown-mark', x: x1 + (extent.endedBefore ? 3 : 15), y: cy + 4 }, '?') : null,
      kind.length * 6.6 + 8 < x1 - x0 ? s('text', { class: 'bar-label', x: x0 + 5, y: cy + 4 }, kind) : null,
    );
  });

  const marks = layout.marks.map((mark) => {
    const cy = geometry.trackY(mark.lane, 'events');
    const cx = x(mark.at);
    const whisker = x(mark.upper) - x(mark.lower) > 3 ? s('line', { class: 'whisker', x1: x(mark.lower), x2: x(mark.upper), y1: cy, y2: cy }) : null;
    return s(
      'g',
      { class: `event lane-${mark.lane}${touchedBy(mark.fact, highlight) ? ' is-new' : ''}`, tabindex: '0', role: 'img', 'data-testid': 'event', 'data-event': mark.id, 'data-type': mark.fact.type, ...tip(`f:${mark.id}`, { title: eventLabel(mark.fact.type), lines: factLines(mark.fact) }) },
      whisker,
      s('path', { class: 'event-mark', d: `M${cx},${cy - 6} L${cx + 6},${cy} L${cx},${cy + 6} L${cx - 6},${cy} z` }),
    );
  });

  const links = layout.links.map((link, i) => {
    const x1 = x(link.from.at);
    const x2 = x(link.to.at);
    const y1 = geometry.trackY(link.from.lane, link.from.row);
    const y2 = geometry.trackY(link.to.lane, link.to.row);
    const down = y2 > y1 ? 1 : -1;
    // From the edge of the first bar (or mark) to the edge of the second, bending between rows.
    const edge = (row) => (row === 'events' ? 7 : g.bar / 2);
    const d =
      Math.abs(y2 - y1) < 1
        ? `M${x1},${y1 - edge(link.from.row)} Q${(x1 + x2) / 2},${y1 - 22} ${x2},${y2 - edge(link.to.row)}`
        : `M${x1},${y1 + down * edge(link.from.row)} C${x1},${(y1 + y2) / 2} ${x2},${(y1 + y2) / 2} ${x2},${y2 - down * edge(link.to.row)}`;
    return s(
      'g',
      { class: `link link-${link.kind} relation-${link.relation}`, 'data-testid': 'link', ...tip(`l:${i}`, linkTip(link)) },
      s('path', { class: 'link-hit', d }),
      s('path', { class: 'link-line', d, 'marker-end': 'url(#tl-arrow)' }),
    );
  });

  const milestones = layout.milestones.map((m) => {
    const cx = x(m.at);
    const cy = geometry.trackY(m.lane, m.row);
    const star = Array.from({ length: 10 }, (_, k) => {
      const r = k % 2 === 0 ? 9 : 4;
      const angle = (Math.PI / 5) * k - Math.PI / 2;
      return `${(cx + r * Math.cos(angle)).toFixed(1)},${(cy + r * Math.sin(angle)).toFixed(1)}`;
    }).join(' ');
    const labelY = geometry.trackY(m.lane, 'events') + 4;
    const hire = m.hire.afterFirstContact;
    const content = { title: 'First hire', lines: [['When', describeValidTime(m.hire.when)], ['After first contact', `${hire.years} years (${describeSpan(hire)})`]] };
    return s(
      'g',
      { class: 'milestone first-hire', tabindex: '0', role: 'img', 'data-testid': 'first-hire', ...tip('m:firstHire', content) },
      s('line', { class: 'milestone-leader', x1: cx, x2: cx, y1: labelY + 2, y2: cy - 8 }),
      s('polygon', { class: 'milestone-star', points: star }),
      s('text', { class: 'milestone-label', x: cx + 6, y: labelY }, 'First hire'),
    );
  });

  // The present: a line when it is in view, else a note at the edge the open arrows point to.
  const nowX = x(layout.now);
  const now =
    nowX <= width - g.right + 1
      ? s('g', { class: 'now' }, s('line', { x1: nowX, x2: nowX, y1: 30, y2: bottom }), s('text', { x: nowX - 4, y: 42, 'text-anchor': 'end' }, 'now'))
      : s('g', { class: 'now' }, s('text', { x: width - 4, y: 13, 'text-anchor': 'end' }, `now: ${formatDay(layout.now)} →`));

  const svg = s(
    'svg',
    { class: 'timeline', width, height: bottom, viewBox: `0 0 ${width} ${bottom}`, role: 'group', 'aria-labelledby': caption },
    defs,
    s('g', { class: 'bands' }, bands),
    s('g', { class: 'lanes' }, lanes),
    s('g', { class: 'ticks' }, ticks),
    now,
    s('g', { class: 'links' }, links),
    s('g', { class: 'bars' }, bars),
    s('g', { class: 'marks' }, marks),
    s('g', { class: 'milestones' }, milestones),
  );
  const tooltip = h('div', { class: 'tooltip', role: 'tooltip', id: 'timeline-tooltip', hidden: true });
  replaceChildren(container, svg, tooltip);
  wireTooltip(container, svg, tooltip, tips);
}

/** One tooltip for the whole chart: on pointer hover and on keyboard focus; Escape hides it. */
function wireTooltip(container, svg, tooltip, tips) {
  let current = null;
  const show = (target) => {
    const content = tips.get(target.getAttribute('data-tip'));
    if (!content) return;
    current = target;
    replaceChildren(tooltip, h('strong', {}, content.title), h('dl', {}, content.lines.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
    tooltip.hidden = false;
    const box = target.getBoundingClientRect();
    const frame = container.getBoundingClientRect();
    const left = Math.min(box.left - frame.left + box.width / 2 + 12, container.clientWidth - tooltip.offsetWidth - 4);
    // CSSOM, not a style attribute: allowed by a CSP without 'unsafe-inline'.
    tooltip.style.left = `${Math.max(4, left)}px`;
    tooltip.style.top = `${box.bottom - frame.top + 6}px`;
  };
  const hide = () => {
    current = null;
    tooltip.hidden = true;
  };
  const find = (event) => (event.target instanceof Element ? event.target.closest('[data-tip]') : null);
  svg.addEventListener('pointerover', (event) => {
    const target = find(event);
    if (!target) hide();
    else if (target !== current) show(target);
  });
  svg.addEventListener('pointerleave', hide);
  svg.addEventListener('focusin', (event) => {
    const target = find(event);
    if (target) show(target);
  });
  svg.addEventListener('focusout', hide);
  svg.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
}
