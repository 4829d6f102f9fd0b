import type { PersonEventType } from '@parcours/domain';
import { partsOf, yearOf } from './calendar.js';
import { renderDay } from './edtf-render.js';
import type { Draft, PathBuilder } from './path-builder.js';

const NEVER_MOVED = new Set<PersonEventType>(['PersonRegistered', 'ReferralMade', 'ReferralFollowedUp', 'EventCorrected', 'EventRetracted']);
const DUPLICABLE = new Set<PersonEventType>(['HousingStatusChanged', 'IncomeSourceChanged', 'NarrativeRecorded', 'CostRecorded', 'HospitalisationAverted']);

/**
 * What happens to a record after the facts: some are learnt late (recorded after later facts),
 * a few dates are corrected, a few events retracted. Corrections and retractions come last, as
 * they would after a file review.
 */
export function amend(b: PathBuilder): void {
  if (b.rng.chance(0.25)) for (let n = b.rng.int(1, 3); n > 0; n -= 1) recordLate(b);
  const corrected = b.rng.chance(0.05) ? correctADate(b) : undefined;
  if (b.rng.chance(0.04)) retractAnEvent(b, corrected);
}

/**
 * Moves a point event, or an episode's start with its end, later in the recording order: a fact
 * told at a later interview. Facts told together keep their place, since later ones name them in `after`.
 */
function recordLate(b: PathBuilder): void {
  const d = b.drafts;
  const candidates = d.filter((x, i) => i > 0 && x.group === undefined && !NEVER_MOVED.has(x.type) && x.role !== 'end');
  if (!candidates.length) return;
  const first = b.rng.pick(candidates);
  const end = first.role === 'start' ? d.find((x) => x.role === 'end' && x.data['episodeId'] === first.data['episodeId']) : undefined;
  if (end?.group !== undefined) return;
  const unit = end ? [first, end] : [first];
  const from = d.indexOf(first);
  for (const x of unit) d.splice(d.indexOf(x), 1);
  const to = b.rng.int(from, d.length);
  const told = b.rng.chance(0.5) ? unit.map((x) => ({ ...x, note: x.note ?? 'told later, at an interview' })) : unit;
  d.splice(to, 0, ...told);
}

/** A date told wrongly (a point event's year) or coarsely (an episode's), fixed from the record. */
function correctADate(b: PathBuilder): Draft | undefined {
  const candidates = b.drafts.filter((x) => x.group === undefined && x.type !== 'PersonRegistered' && x.occurredAt === undefined && x.style === undefined);
  if (!candidates.length) return undefined;
  const target = b.rng.pick(candidates);
  const { year } = partsOf(target.day);
  const earliest = Math.max(yearOf(b.window.min), b.profile.birthYear);
  const wrong = year > earliest && b.rng.chance(0.5) ? year - 1 : year < yearOf(b.window.max) ? year + 1 : year;
  // An episode's date stays one that contains the true day, so its end is never before its start.
  target.occurredAt = target.role ? String(year) : String(wrong);
  const correction = b.emit(
    'EventCorrected',
    { targetEventId: target.eventId, reason: target.role ? 'the record gives the exact date' : 'date checked against the service record' },
    { provenance: 'service_record' },
  );
  correction.correction = { targetEventId: target.eventId, occurredAt: renderDay(target.day, b.rng.pick(['day', 'month'] as const), b.rng, b.window) };
  return target;
}

/** Retracts a point event recorded in error, or a duplicate entry of one. */
function retractAnEvent(b: PathBuilder, corrected: Draft | undefined): void {
  const points = b.drafts.filter((x) => !x.role && x !== corrected && (x.type === 'ReferralMade' || !NEVER_MOVED.has(x.type)));
  if (!points.length) return;
  const duplicable = points.filter((x) => DUPLICABLE.has(x.type) && x.group === undefined);
  if (duplicable.length && b.rng.chance(0.5)) {
    const original = b.rng.pick(duplicable);
    const copy: Draft = { ...original, eventId: b.id() };
    b.drafts.splice(b.drafts.indexOf(original) + 1, 0, copy);
    b.emit('EventRetracted', { targetEventId: copy.eventId, reason: 'entered twice' }, { provenance: 'service_record' });
    return;
  }
  const target = b.rng.pick(points);
  const reason = b.rng.pick(['recorded for the wrong person', 'not confirmed by the person', 'recorded in error']);
  b.emit('EventRetracted', { targetEventId: target.eventId, reason }, { provenance: 'caseworker_observation' });
}
