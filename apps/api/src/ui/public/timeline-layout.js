// Where things go on the timeline: lanes, rows, bars with their fuzzy bounds, marks, links, bands.
// Pure: from a parcours view (GET /persons/:id/parcours, or one replay frame) to positions in
// time (ms) and rows; timeline-svg.js turns them into pixels. Unit-tested in test/ui.

/** One lane per field of the path (PARCOURS_LANES in the domain), in its order. */
export const LANES = [
  { lane: 'person', label: 'Person', hint: 'registration, referrals, programmes' },
  { lane: 'care', label: 'Care', hint: 'soins, hospital, relapses' },
  { lane: 'training', label: 'Training', hint: 'formation' },
  { lane: 'employment', label: 'Employment', hint: 'emploi, workshops, jobs' },
  { lane: 'social', label: 'Social', hint: 'housing, income, justice' },
];

/** Opacity of the far end of an imprecise bound: faint, but still visible. */
export const FAINT = 0.15;
const DAY = 86_400_000;
const YEAR = 365.2425 * DAY;

/**
 * A valid time's bounds in ms. An unknown bound takes the other one (an open start "../1999"
 * is drawn from its known end), else the fallback.
 */
export function boundsOf(vt, fallback = null) {
  const lower = vt && vt.lower !== null ? Date.parse(vt.lower) : null;
  const upper = vt && vt.upper !== null ? Date.parse(vt.upper) : null;
  const lo = lower ?? upper ?? fallback;
  const hi = upper ?? lower ?? fallback;
  return { lower: lo, upper: hi, mid: lo === null || hi === null ? null : (lo + hi) / 2 };
}

/**
 * An episode in time: the outer extent (earliest possible start to latest possible end) and the
 * inner, certain part (latest possible start to earliest possible end). Open episodes run to
 * `now`; an unknown end known to precede a later fact (endedBefore) may lie anywhere up to it;
 * an unknown end without it is not assumed to last beyond the start (as the indicators count it).
 */
export function episodeExtent(episode, now) {
  const start = boundsOf(episode.start.validTime, now);
  let innerStart = start.upper;
  let innerEnd;
  let outerEnd;
  if (episode.endStatus === 'ended' && episode.end) {
    const end = boundsOf(episode.end.validTime, start.upper);
    innerEnd = end.lower;
    outerEnd = end.upper;
  } else if (episode.endStatus === 'open') {
    innerEnd = Math.max(now, innerStart);
    outerEnd = innerEnd;
  } else {
    innerEnd = innerStart;
    outerEnd = episode.endedBefore ? Math.max(boundsOf(episode.endedBefore, innerStart).upper, innerStart) : innerStart;
  }
  // Vague bounds may cross ("2007" to "2007"): no certain part, the bar peaks in the middle.
  if (innerEnd < innerStart) innerStart = innerEnd = (innerStart + innerEnd) / 2;
  const outerStart = Math.min(start.lower, innerStart);
  outerEnd = Math.max(outerEnd, innerEnd);
  return {
    outerStart,
    innerStart,
    innerEnd,
    outerEnd,
    open: episode.endStatus === 'open',
    unknownEnd: episode.endStatus === 'unknown',
    endedBefore: episode.endStatus === 'unknown' && Boolean(episode.endedBefore),
  };
}

/**
 * Gradient stops along a bar (offsets 0–1 of its outer extent): faint where a bound is only
 * possible, solid over the certain part. An unknown end fades out to where it must have ended.
 */
export function fuzzyStops(extent) {
  const { outerStart, innerStart, innerEnd, outerEnd } = extent;
  const width = outerEnd - outerStart;
  if (!(width > 0)) return [{ offset: 0, opacity: 1 }, { offset: 1, opacity: 1 }];
  const at = (t) => Math.round(((t - outerStart) / width) * 10_000) / 10_000;
  return [
    { offset: 0, opacity: innerStart > outerStart ? FAINT : 1 },
    { offset: at(innerStart), opacity: 1 },
    { offset: at(innerEnd), opacity: 1 },
    { offset: 1, opacity: outerEnd > innerEnd ? FAINT : 1 },
  ];
}

/**
 * Rows within a lane: each item goes to the first row free at its start (greedy interval
 * partitioning, by start), so that overlapping episodes — a job during a workshop, a tuilage —
 * stay visible side by side. `gap` keeps room for what is drawn past an item's end.
 */
export function packRows(items, gap = 0) {
  const rowEnds = [];
  const placed = [...items]
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.from - b.item.from || a.item.to - b.item.to || a.index - b.index)
    .map(({ item, index }) => {
      let row = rowEnds.findIndex((end) => end + gap <= item.from);
      if (row === -1) row = rowEnds.push(item.to) - 1;
      else rowEnds[row] = item.to;
      return { index, row };
    });
  const rows = new Array(items.length);
  for (const { index, row } of placed) rows[index] = row;
  return { rows, count: rowEnds.length };
}

/**
 * The time shown: every fact of the views (all replay steps, so that the axis stays put), padded.
 * Not `now`: a path told in 2012 and shown in 2026 would spend most of its width on open
 * episodes; those run off the right edge with their arrow instead.
 */
export function timeDomain(views, now) {
  let lo = Infinity;
  let hi = -Infinity;
  const see = (vt) => {
    const b = boundsOf(vt);
    if (b.lower !== null) lo = Math.min(lo, b.lower);
    if (b.upper !== null) hi = Math.max(hi, b.upper);
  };
  for (const view of views) {
    for (const { lane } of LANES) {
      const content = view.lanes[lane];
      if (!content) continue;
      for (const episode of content.episodes) {
        see(episode.start.validTime);
        if (episode.end) see(episode.end.validTime);
        if (episode.endedBefore) see(episode.endedBefore);
      }
      for (const event of content.events) see(event.validTime);
    }
  }
  if (lo === Infinity) return [now - YEAR, now + YEAR / 12];
  if (hi - lo < YEAR) hi = lo + YEAR;
  const span = hi - lo;
  return [lo - span * 0.02, hi + span * 0.05];
}

/**
 * Gradient stops of the part of a bar inside [from, to]: the opacity at each cut is read off the
 * whole bar's stops (linear between them), so that a clipped fade keeps its slope.
 */
export function clipStops(stops, extent, [from, to]) {
  const width = extent.outerEnd - extent.outerStart;
  if (!(width > 0) || (from <= extent.outerStart && to >= extent.outerEnd)) return stops;
  const a = Math.max(0, (from - extent.outerStart) / width);
  const b = Math.min(1, (to - extent.outerStart) / width);
  if (!(b > a)) return [{ offset: 0, opacity: 1 }, { offset: 1, opacity: 1 }];
  const opacityAt = (offset) => {
    for (let i = 1; i < stops.length; i += 1) {
      const [p, q] = [stops[i - 1], stops[i]];
      if (offset <= q.offset) return q.offset === p.offset ? q.opacity : p.opacity + ((q.opacity - p.opacity) * (offset - p.offset)) / (q.offset - p.offset);
    }
    return stops.at(-1).opacity;
  };
  const round = (n) => Math.round(n * 10_000) / 10_000;
  return [
    { offset: 0, opacity: round(opacityAt(a)) },
    ...stops.filter((stop) => stop.offset > a && stop.offset < b).map((stop) => ({ offset: round((stop.offset - a) / (b - a)), opacity: stop.opacity })),
    { offset: 1, opacity: round(opacityAt(b)) },
  ];
}

/** Years to label on the axis: 1, 2, 5, 10… apart, at most `maxTicks` of them. */
export function yearTicks(domain, maxTicks = 12) {
  const first = new Date(domain[0]).getUTCFullYear() + (Date.UTC(new Date(domain[0]).getUTCFullYear(), 0, 1) < domain[0] ? 1 : 0);
  const last = new Date(domain[1]).getUTCFullYear();
  const years = (step) => {
    const list = [];
    for (let year = Math.ceil(first / step) * step; year <= last; year += step) list.push(year);
    return list;
  };
  const step = [1, 2, 5, 10, 20, 50, 100].find((s) => years(s).length <= maxTicks) ?? 100;
  return years(step).map((year) => ({ year, at: Date.UTC(year, 0, 1) }));
}

/** A linear scale from time (ms) to pixels. */
export function timeScale(domain, range) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (t) => r0 + ((t - d0) / (d1 - d0)) * (r1 - r0);
}

/** Whether a fact was recorded, or corrected, by the event with this id. */
export function touchedBy(fact, eventId) {
  return Boolean(eventId) && (fact.eventId === eventId || fact.corrections.some((c) => c.eventId === eventId));
}

/**
 * The whole layout of one view. `now` is the view's present (open episodes run to it), `pad`
 * the time kept free after a bar's end in its row for the open arrow or unknown-end stub,
 * `domain` the time shown: bars are cut to it (`shown`), their gradients with them.
 */
export function layoutTimeline(view, { now, pad = 0, domain = [-Infinity, Infinity] } = {}) {
  const present = now ?? Date.parse(view.indicators.observation.to);
  const lanes = [];
  const bars = [];
  const marks = [];
  const placeOf = new Map();
  for (const { lane, label, hint } of LANES) {
    const content = view.lanes[lane] ?? { episodes: [], events: [] };
    const extents = content.episodes.map((episode) => episodeExtent(episode, present));
    const packed = packRows(extents.map((x) => ({ from: x.outerStart, to: Math.min(x.outerEnd, domain[1]) + (x.open || (x.unknownEnd && !x.endedBefore) ? pad : 0) })), 0);
    content.episodes.forEach((episode, i) => {
      const extent = extents[i];
      const shown = { from: Math.max(extent.outerStart, domain[0]), to: Math.min(extent.outerEnd, domain[1]) };
      const stops = clipStops(fuzzyStops(extent), extent, [shown.from, shown.to]);
      bars.push({ id: episode.episodeId, lane, row: packed.rows[i], episode, extent, shown, cut: extent.outerEnd > domain[1], stops });
      placeOf.set(episode.episodeId, { lane, row: packed.rows[i], extent, episode });
    });
    for (const fact of content.events) {
      const b = boundsOf(fact.validTime, present);
      marks.push({ id: fact.eventId, lane, fact, at: b.mid, lower: b.lower, upper: b.upper });
    }
    lanes.push({ lane, label, hint, rows: packed.count, events: content.events.length, episodes: content.episodes.length });
  }
  return { now: present, lanes, bars, marks, links: linksOf(view, placeOf), bands: bandsOf(view), milestones: milestonesOf(view, placeOf, marks) };
}

/**
 * Articulations as links: a hand-off from the first episode to the second, a referral from the
 * sending field's lane (its events track) to the episode it led to, both at the articulation's date.
 */
function linksOf(view, placeOf) {
  return view.articulations.map((articulation) => {
    const when = boundsOf(articulation.when).mid;
    const fromEpisode = articulation.fromEpisodeId ? placeOf.get(articulation.fromEpisodeId) : undefined;
    const toEpisode = articulation.toEpisodeId ? placeOf.get(articulation.toEpisodeId) : undefined;
    const from = fromEpisode ? { lane: fromEpisode.lane, row: fromEpisode.row, at: when } : { lane: articulation.fromField ?? 'person', row: 'events', at: when };
    const to = toEpisode ? { lane: toEpisode.lane, row: toEpisode.row, at: boundsOf(toEpisode.episode.start.validTime).mid } : { lane: articulation.toField ?? 'person', row: 'events', at: when };
    return { kind: articulation.kind, relation: articulation.relation, from, to, articulation };
  });
}

/** Canvas periods of the person's programmes, as bands behind the lanes (open ends unbounded). */
function bandsOf(view) {
  return view.periods.map((period) => ({
    label: period.label,
    programme: period.programmeName,
    from: period.span.lower === null ? -Infinity : Date.parse(period.span.lower),
    to: period.span.upper === null ? Infinity : Date.parse(period.span.upper),
    period,
  }));
}

/** The first hire (indicators.firstHire): the start of the job it began. */
function milestonesOf(view, placeOf, marks) {
  const hire = view.indicators.firstHire;
  if (!hire) return [];
  for (const place of placeOf.values()) {
    if (place.episode.start.eventId === hire.eventId) return [{ kind: 'firstHire', lane: place.lane, row: place.row, at: boundsOf(hire.when).mid, hire }];
  }
  const mark = marks.find((m) => m.id === hire.eventId);
  return mark ? [{ kind: 'firstHire', lane: mark.lane, row: 'events', at: mark.at, hire }] : [];
}
