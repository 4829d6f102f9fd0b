import type { CohortMember } from '../cohorts/membership.js';
import { FIELD_ALPHABETS, SEQUENCE_FIELDS, type SequenceField } from '../sequences/alphabet.js';
import type { OriginRule } from '../sequences/person-sequences.js';
import type { CsvRow } from './csv.js';
import { eventRows, EVENTS_HEADER } from './event-rows.js';
import type { ExportKind } from './export-kinds.js';
import { exportSubjects, type ConsentCounts, type ExportSubject, type Pseudonymise } from './export-subjects.js';
import { personRow, PERSONS_HEADER, SURVIVAL_HEADER, survivalRow } from './person-rows.js';
import { sequenceRows, sequencesHeader, spellRows, SPELLS_HEADER, widestSequence, type SequenceExportOptions } from './sequence-rows.js';

export interface ResearchExportRequest {
  readonly kind: ExportKind;
  readonly field?: SequenceField;
  readonly originRule: OriginRule;
  /** Epoch ms: open episodes run to it; its month is the last observed. */
  readonly cutoff: number;
  readonly members: readonly CohortMember[];
  readonly pseudonymise: Pseudonymise;
}

export interface ResearchExport {
  readonly kind: ExportKind;
  readonly field: SequenceField | undefined;
  readonly header: readonly string[];
  /** The rows, one batch per exported person (the alphabet: one batch), computed as they are read. */
  readonly batches: Iterable<readonly CsvRow[]>;
  /** How many batches `batches` yields: for progress. */
  readonly batchCount: number;
  readonly consent: ConsentCounts;
  /** The number of month columns of the wide file (the longest observation exported). */
  readonly months: number;
}

/**
 * A research file as rows (pure: the shell pseudonymises, writes CSV and streams it). Only
 * members with research consent are in it, under their pseudonyms.
 */
export function researchExport(request: ResearchExportRequest): ResearchExport {
  const { subjects, consent } = exportSubjects(request.members, request.pseudonymise);
  const options: SequenceExportOptions = { originRule: request.originRule, cutoff: request.cutoff };
  const months = widestSequence(subjects, options);
  const field = request.field;
  const perSubject = (header: readonly string[], rows: (s: ExportSubject) => CsvRow[]): ResearchExport => ({
    kind: request.kind,
    field,
    header,
    // Iterable, not a generator: each reading starts again from the first person.
    batches: {
      *[Symbol.iterator]() {
        for (const subject of subjects) yield rows(subject);
      },
    },
    batchCount: subjects.length,
    consent,
    months,
  });
  switch (request.kind) {
    case 'spells':
      return perSubject(SPELLS_HEADER, (s) => spellRows(s, field, options));
    case 'sequences':
      if (!field) throw new RangeError('The wide sequences are one field per file: name the field');
      return perSubject(sequencesHeader(months), (s) => sequenceRows(s, field, months, options));
    case 'events':
      return perSubject(EVENTS_HEADER, (s) => eventRows(s, field, options));
    case 'persons':
      return perSubject(PERSONS_HEADER, (s) => [personRow(s, options)]);
    case 'survival':
      return perSubject(SURVIVAL_HEADER, (s) => [survivalRow(s, options)]);
    case 'alphabet':
      return { kind: 'alphabet', field, header: ALPHABET_HEADER, batches: [alphabetRows(field)], batchCount: 1, consent, months };
  }
}

export const ALPHABET_HEADER = ['field', 'code', 'label', 'colour'];

export function alphabetRows(field: SequenceField | undefined): CsvRow[] {
  return (field ? [field] : SEQUENCE_FIELDS).flatMap((f) => FIELD_ALPHABETS[f].map((s) => [f, s.code, s.label, s.colour]));
}
