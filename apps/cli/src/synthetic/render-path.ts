import type { CohortLine } from './cohort-line.js';
import { renderDay, renderShared, STYLES_BY_PROVENANCE, type DateStyle } from './edtf-render.js';
import type { Draft, PathBuilder } from './path-builder.js';

/**
 * Tells the drafted facts as ndjson lines, in recording order: each fact's day made as vague as
 * its source (or the coarse date it shares with the facts told with it), corrections completed
 * with the full data of the event they replace.
 */
export function renderPath(b: PathBuilder): CohortLine[] {
  const shared = sharedDates(b);
  const lines = b.drafts.map((d) => toLine(b, d, d.occurredAt ?? (d.group !== undefined ? shared.get(d.group)! : renderDay(d.day, styleOf(b, d), b.rng, b.window))));
  const byId = new Map(lines.map((l) => [l.eventId, l]));
  return lines.map((line, i) => {
    const correction = b.drafts[i]!.correction;
    if (!correction) return line;
    const { person: _, eventId: __, type: ___, data, ...envelope } = byId.get(correction.targetEventId)!;
    return { ...line, data: { ...line.data, replacement: { ...data, ...envelope, occurredAt: correction.occurredAt } } };
  });
}

function sharedDates(b: PathBuilder): Map<number, string> {
  const spans = new Map<number, [number, number]>();
  for (const d of b.drafts) {
    if (d.group === undefined) continue;
    const span = spans.get(d.group);
    spans.set(d.group, span ? [Math.min(span[0], d.day), Math.max(span[1], d.day)] : [d.day, d.day]);
  }
  return new Map([...spans].map(([group, [first, last]]) => [group, renderShared(first, last, b.rng)]));
}

function styleOf(b: PathBuilder, d: Draft): DateStyle {
  const style = d.style ?? b.rng.weighted(STYLES_BY_PROVENANCE[d.provenance] ?? STYLES_BY_PROVENANCE['unknown']!);
  // A time of day on an end could fall before a time of day on its start, the same day.
  return style === 'datetime' && d.role === 'end' ? 'day' : style;
}

function toLine(b: PathBuilder, d: Draft, occurredAt: string): CohortLine {
  return {
    person: b.profile.personId,
    eventId: d.eventId,
    type: d.type,
    occurredAt,
    provenance: d.provenance,
    ...(d.organisation ? { organisation: d.organisation } : {}),
    ...(d.after ? { after: d.after } : {}),
    ...(d.note ? { note: d.note } : {}),
    data: d.data,
  };
}
