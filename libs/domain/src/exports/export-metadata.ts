import type { CohortDefinition } from '../cohorts/events.js';
import { FIELD_ALPHABETS, MISSING_STATE, precedenceRule, SEQUENCE_FIELDS, type SequenceField } from '../sequences/alphabet.js';
import { ORIGIN_RULE_MEANINGS, type OriginRule } from '../sequences/person-sequences.js';
import { CSV_NA } from './csv.js';
import { exportColumns } from './export-columns.js';
import { exportFileName } from './export-kinds.js';
import { publishedCount } from '../statistics/published-value.js';
import type { ResearchExport } from './research-export.js';
import { rCodeFor } from './r-code.js';

export interface PseudonymisationNote {
  readonly method: string;
  readonly project: string;
  /** False when the key is a per-process random one: pseudonyms then change at every run. */
  readonly stable: boolean;
}

export interface ExportMetadataInput {
  readonly export: ResearchExport;
  readonly cohort: { readonly id: string; readonly definition: CohortDefinition };
  readonly originRule: OriginRule;
  readonly cutoff: number;
  readonly generatedAt: Date;
  readonly pseudonymisation: PseudonymisationNote;
  readonly software: { readonly name: string; readonly version: string };
}

/** How months are built, for every file that uses them (docs/research-exports.md). */
export const MONTH_RULES = [
  "Months are calendar months (UTC) counted from the origin's month (month 0).",
  'A month counts a state when the episode covers at least one day of it; imprecise dates are taken at their midpoints ("2007" is early July 2007, "2009-40" early April 2009).',
  'When several states of a field touch the same month, the month takes the highest in the precedence order.',
  'Open episodes run to the cut-off; an episode whose end is unknown counts in its start month only.',
  'A housing status holds from its change to the day before the next change; prison (an incarceration or a prison housing status) outranks any housing.',
  `Months before the origin and after the cut-off are missing ("${MISSING_STATE}"); a month no episode touches takes the field's "none" state.`,
  'A person observed for no month (cohort entry after the cut-off) has no spell and no row in the wide file; they stay in persons and survival.',
];

/** The JSON file that travels with each CSV: what it holds and how it was made. */
export function exportMetadata(input: ExportMetadataInput): Record<string, unknown> {
  const { kind, field, consent, months } = input.export;
  const fields: readonly SequenceField[] = field ? [field] : kind === 'persons' || kind === 'survival' ? [] : SEQUENCE_FIELDS;
  return {
    kind,
    file: exportFileName(kind, field, 'csv'),
    format: { encoding: 'UTF-8', separator: ',', lineEnding: '\\n', quoting: 'RFC 4180', missingValue: CSV_NA, missingState: MISSING_STATE },
    cohort: { id: input.cohort.id, name: input.cohort.definition.name, definition: input.cohort.definition },
    field: field ?? null,
    origin: { rule: input.originRule, meaning: ORIGIN_RULE_MEANINGS[input.originRule] },
    cutoff: new Date(input.cutoff).toISOString(),
    generatedAt: input.generatedAt.toISOString(),
    months,
    columns: exportColumns(kind, field, months),
    alphabet: Object.fromEntries(fields.map((f) => [f, FIELD_ALPHABETS[f]])),
    precedence: Object.fromEntries(fields.map((f) => [f, precedenceRule(f)])),
    rules: kind === 'survival' ? SURVIVAL_RULES : MONTH_RULES,
    pseudonymisation: {
      ...input.pseudonymisation,
      note: input.pseudonymisation.stable
        ? 'Pseudonyms are stable for this project and key: files exported for the same project link by id; files for different projects do not.'
        : 'No export key was configured (PARCOURS_EXPORT_KEY): pseudonyms come from a random key of this run and are NOT stable across runs; files from different runs do not link.',
    },
    consent: {
      rule: 'Only cohort members whose research consent stands are exported.',
      exported: consent.exported,
      // The number left out is hidden from 1 to 10, like any count of people.
      leftOut: consent.leftOut === 0 ? 0 : publishedCount(consent.leftOut),
    },
    r: rCodeFor(kind, field),
    software: input.software,
  };
}

const SURVIVAL_RULES = [
  'The definition of the outcome views (daysToFirstJob), so that a curve fitted on this file is the one evaluators see.',
  'Time zero is the cohort entry (its midpoint), whatever the origin of the sequence files.',
  'The event is the first job (Hired) starting in the follow-up, from the entry to the cut-off; a job held since before the entry does not count.',
  'Without a job, the person is censored at the first loss to follow-up after the entry not resumed by the cut-off, else at the cut-off; a job recorded after such a loss still counts.',
  'Times are whole days between date midpoints, rounded.',
];
