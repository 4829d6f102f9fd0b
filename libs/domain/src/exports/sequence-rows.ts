import { MISSING_STATE, SEQUENCE_FIELDS, type SequenceField } from '../sequences/alphabet.js';
import { observedMonths } from '../sequences/month-grid.js';
import { originOf, personSequence, type OriginRule } from '../sequences/person-sequences.js';
import { spellsOf } from '../sequences/spells.js';
import type { CsvRow } from './csv.js';
import type { ExportSubject } from './export-subjects.js';

export interface SequenceExportOptions {
  readonly originRule: OriginRule;
  readonly cutoff: number;
}

export const SPELLS_HEADER = ['id', 'field', 'begin', 'end', 'status', 'begin_lower', 'begin_upper', 'end_lower', 'end_upper'];

/** SPELL rows of one person: every run of a state, field by field (one field when named). */
export function spellRows(subject: ExportSubject, field: SequenceField | undefined, options: SequenceExportOptions): CsvRow[] {
  return (field ? [field] : SEQUENCE_FIELDS).flatMap((f) =>
    spellsOf(personSequence(subject.member, f, options.originRule, options.cutoff)).map((s) => [subject.pseudonym, f, s.begin, s.end, s.status, s.beginLower, s.beginUpper, s.endLower, s.endUpper]),
  );
}

/** The width of the wide file: the longest observation among the persons exported. */
export function widestSequence(subjects: readonly ExportSubject[], options: SequenceExportOptions): number {
  return subjects.reduce((widest, s) => Math.max(widest, observedMonths(originOf(s.member, options.originRule).mid, options.cutoff)), 0);
}

export function sequencesHeader(months: number): string[] {
  return ['id', ...Array.from({ length: months }, (_, k) => `m${k}`)];
}

/**
 * One wide row: the states of months 0…, then `*` (missing) past the person's cut-off month. None
 * for a person observed for no month (an entry after the cut-off): an all-missing sequence is
 * empty for TraMineR, as the spells file has no spell for them.
 */
export function sequenceRows(subject: ExportSubject, field: SequenceField, months: number, options: SequenceExportOptions): CsvRow[] {
  const { states } = personSequence(subject.member, field, options.originRule, options.cutoff).months;
  if (states.length === 0) return [];
  return [[subject.pseudonym, ...Array.from({ length: months }, (_, k) => states[k] ?? MISSING_STATE)]];
}
