import { isSequenceField, SEQUENCE_FIELDS, type SequenceField } from '../sequences/alphabet.js';

/** The research files (docs/research-exports.md). */
export const EXPORT_KINDS = ['spells', 'sequences', 'events', 'persons', 'alphabet', 'survival'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * Whether a kind takes a field: the wide sequences are one field per file; spells, events and
 * the alphabet cover every field unless one is named; persons and survival have no field.
 */
export const FIELD_USE: Readonly<Record<ExportKind, 'required' | 'optional' | 'none'>> = {
  spells: 'optional',
  sequences: 'required',
  events: 'optional',
  persons: 'none',
  alphabet: 'optional',
  survival: 'none',
};

export function isExportKind(value: unknown): value is ExportKind {
  return typeof value === 'string' && (EXPORT_KINDS as readonly string[]).includes(value);
}

/** Why a kind/field pair is refused, naming the parameter at fault; null when it is fine. */
export function exportParameterProblem(kind: string, field: string | undefined): { parameter: 'kind' | 'field'; message: string } | null {
  if (!isExportKind(kind)) return { parameter: 'kind', message: `must be one of ${EXPORT_KINDS.join(', ')}` };
  if (field !== undefined && !isSequenceField(field)) return { parameter: 'field', message: `must be one of ${SEQUENCE_FIELDS.join(', ')}` };
  if (FIELD_USE[kind] === 'required' && field === undefined) return { parameter: 'field', message: `is required for ${kind}: one of ${SEQUENCE_FIELDS.join(', ')}` };
  if (FIELD_USE[kind] === 'none' && field !== undefined) return { parameter: 'field', message: `does not apply to ${kind}` };
  return null;
}

/** The file name of an export: `sequences-employment.csv`, `persons.json`. */
export function exportFileName(kind: ExportKind, field: SequenceField | undefined, extension: 'csv' | 'json'): string {
  return `${kind}${field ? `-${field}` : ''}.${extension}`;
}
