import type { Instant, PersonSummary } from '../analytics/person-summary.js';
import type { SequenceField } from '../sequences/alphabet.js';
import { decimalMonths, monthIndex } from '../sequences/month-grid.js';
import { originOf } from '../sequences/person-sequences.js';
import type { CsvRow } from './csv.js';
import type { ExportSubject } from './export-subjects.js';
import type { SequenceExportOptions } from './sequence-rows.js';

export const EVENTS_HEADER = ['id', 'time', 'event', 'field', 'time_lower', 'time_upper'];

interface TimedEvent {
  readonly when: Instant;
  readonly event: string;
  readonly field: SequenceField | 'person';
}

/**
 * Time-stamped events (TraMineR's TSE format) of one person: episode starts and ends (`job_start`,
 * `hospital_stay_end`…), programme entries and exits, referrals, losses to follow-up and resumptions,
 * housing and income changes, qualifications. Time is in months since the start of the origin's
 * month, with decimals, so that its whole part is the month of the wide file; only events from
 * month 0 to the cut-off. A field keeps that field's events only.
 */
export function eventRows(subject: ExportSubject, field: SequenceField | undefined, options: SequenceExportOptions): CsvRow[] {
  const origin = originOf(subject.member, options.originRule).mid;
  const inWindow = (e: TimedEvent) => e.when.mid <= options.cutoff && monthIndex(origin, e.when.mid) >= 0 && (field === undefined || e.field === field);
  const time = (t: number | null) => (t === null ? null : decimalMonths(origin, t));
  return eventsOf(subject.member.summary)
    .filter(inWindow)
    .map((e, order) => ({ e, order }))
    // Stable: events sharing a time keep the path's order (training → failure → relapse).
    .sort((a, b) => a.e.when.mid - b.e.when.mid || a.order - b.order)
    .map(({ e }) => [subject.pseudonym, time(e.when.mid), e.event, e.field, time(e.when.lower), time(e.when.upper)]);
}

function eventsOf(summary: PersonSummary): TimedEvent[] {
  const events: TimedEvent[] = [];
  const sequenceField = (f: string): SequenceField | 'person' => (f === 'care' || f === 'training' || f === 'employment' || f === 'social' ? f : 'person');
  for (const episode of summary.episodes) {
    const f = sequenceField(episode.field);
    events.push({ when: episode.start, event: `${episode.kind}_start`, field: f });
    if (episode.end && episode.endStatus === 'ended') events.push({ when: episode.end, event: `${episode.kind}_end`, field: f });
  }
  for (const p of summary.programmes) {
    events.push({ when: p.entered, event: 'programme_entry', field: 'person' });
    if (p.exited) events.push({ when: p.exited, event: 'programme_exit', field: 'person' });
  }
  for (const r of summary.referrals) events.push({ when: r.when, event: 'referral', field: 'person' });
  for (const l of summary.lostToFollowUp) {
    events.push({ when: l.lost, event: 'lost_to_follow_up', field: 'person' });
    if (l.resumed) events.push({ when: l.resumed, event: 'follow_up_resumed', field: 'person' });
  }
  for (const h of summary.housing) events.push({ when: h.when, event: `housing_${h.status}`, field: 'social' });
  for (const i of summary.income) events.push({ when: i.when, event: `income_${i.source}`, field: 'social' });
  for (const q of summary.qualifications) events.push({ when: q, event: 'qualification_obtained', field: 'training' });
  return events;
}
