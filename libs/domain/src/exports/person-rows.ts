import { firstJobObservation } from '../outcomes/first-job-survival.js';
import { followUpStatus } from '../outcomes/lost-to-follow-up.js';
import { calendarMonth, monthIndex, observedMonths } from '../sequences/month-grid.js';
import { originOf } from '../sequences/person-sequences.js';
import type { CsvRow } from './csv.js';
import type { ExportSubject } from './export-subjects.js';
import type { SequenceExportOptions } from './sequence-rows.js';

export const PERSONS_HEADER = [
  'id',
  'origin',
  'entry',
  'entry_month',
  'months_observed',
  'gender',
  'birth_year_band',
  'housing_at_entry',
  'income_at_entry',
  'lost_at_cutoff',
];

export const SURVIVAL_HEADER = ['id', 'time', 'event', 'censor_reason'];

/**
 * One row of covariates per person. Dates are calendar months, never days, and the birth year
 * only as a five-year band ("1980-1984"): an exact birth year with a month of entry and a gender
 * narrows a small cohort down to one person.
 */
export function personRow(subject: ExportSubject, options: SequenceExportOptions): CsvRow {
  const { summary, entry } = subject.member;
  const origin = originOf(subject.member, options.originRule).mid;
  const lastBefore = <T extends { when: { mid: number } }>(changes: readonly T[]) =>
    changes.filter((c) => c.when.mid <= entry.mid).reduce<T | null>((last, c) => (last === null || c.when.mid >= last.when.mid ? c : last), null);
  return [
    subject.pseudonym,
    calendarMonth(origin),
    calendarMonth(entry.mid),
    monthIndex(origin, entry.mid),
    observedMonths(origin, options.cutoff),
    summary.gender,
    birthYearBand(summary.birthYear),
    lastBefore(summary.housing)?.status ?? null,
    lastBefore(summary.income)?.source ?? null,
    followUpStatus(subject.member, options.cutoff) === 'lost_at_cutoff',
  ];
}

export function birthYearBand(year: number | null): string | null {
  if (year === null) return null;
  const from = Math.floor(year / 5) * 5;
  return `${from}-${from + 4}`;
}

/**
 * survival::Surv(time, event): days from entry to the first job, 1 for a job, 0 for a censoring.
 * The outcome views' own definition (outcomes/first-job-survival.ts), so that the curve a
 * researcher fits on this file is the one evaluators see.
 */
export function survivalRow(subject: ExportSubject, options: SequenceExportOptions): CsvRow {
  const observation = firstJobObservation(subject.member, options.cutoff);
  return [subject.pseudonym, observation.time, observation.event ? 1 : 0, observation.censorReason];
}
