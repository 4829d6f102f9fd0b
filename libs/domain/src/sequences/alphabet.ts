/**
 * The monthly states of each field of a parcours, for sequence analysis (TraMineR). Each field's
 * alphabet is listed in precedence order, highest first: when several states touch the same
 * month, the month takes the highest one (docs/research-exports.md). The last state of each
 * alphabet is the field's "none" state. Colours are the Okabe–Ito palette, distinguishable with
 * the common colour-vision deficiencies, and a light grey for "none".
 */
export const SEQUENCE_FIELDS = ['care', 'training', 'employment', 'social'] as const;
export type SequenceField = (typeof SEQUENCE_FIELDS)[number];

/** The missing-state marker of the wide files: TraMineR's `seqdef(..., missing = "*")`. */
export const MISSING_STATE = '*';

export interface SequenceState {
  readonly code: string;
  readonly label: string;
  /** Hex colour for plots (`seqdef(cpal = ...)`). */
  readonly colour: string;
}

const NONE_GREY = '#DDDDDD';

export const FIELD_ALPHABETS: Readonly<Record<SequenceField, readonly SequenceState[]>> = {
  // Most intensive care first: a hospital stay outweighs the follow-up that continues around it.
  care: [
    { code: 'H', label: 'hospital stay', colour: '#D55E00' },
    { code: 'R', label: 'rehabilitation (CRF)', colour: '#CC79A7' },
    { code: 'S', label: 'substitution treatment', colour: '#E69F00' },
    { code: 'C', label: 'care follow-up (addiction service)', colour: '#56B4E9' },
    { code: '-', label: 'no care episode', colour: NONE_GREY },
  ],
  training: [
    { code: 'T', label: 'training', colour: '#0072B2' },
    { code: '-', label: 'no training', colour: NONE_GREY },
  ],
  // The strongest tie to work first, up the insertion ladder: a job outweighs the coaching around it.
  employment: [
    { code: 'J', label: 'job', colour: '#009E73' },
    { code: 'M', label: 'peer health mediator role', colour: '#0072B2' },
    { code: 'I', label: 'internship', colour: '#F0E442' },
    { code: 'W', label: 'insertion workshop', colour: '#E69F00' },
    { code: 'K', label: 'job coaching', colour: '#CC79A7' },
    { code: 'U', label: 'no employment measure', colour: NONE_GREY },
  ],
  // The most precarious situation of the month first: one night on the street is what matters.
  social: [
    { code: 'X', label: 'prison', colour: '#000000' },
    { code: 'P', label: 'precarious housing (street, squat, emergency shelter)', colour: '#D55E00' },
    { code: 'A', label: 'assisted housing (CHRS, residential care, supported housing)', colour: '#E69F00' },
    { code: 'O', label: 'own or family housing', colour: '#009E73' },
    { code: 'Z', label: 'other housing', colour: '#CC79A7' },
    { code: '-', label: 'no housing status recorded', colour: NONE_GREY },
  ],
};

export function isSequenceField(value: unknown): value is SequenceField {
  return typeof value === 'string' && (SEQUENCE_FIELDS as readonly string[]).includes(value);
}

export function alphabetCodes(field: SequenceField): string[] {
  return FIELD_ALPHABETS[field].map((state) => state.code);
}

/** The state of a month no episode of the field touches. */
export function noneState(field: SequenceField): string {
  return FIELD_ALPHABETS[field].at(-1)!.code;
}

/** 0 for the highest precedence; the "none" state ranks last. */
export function precedenceRank(field: SequenceField, code: string): number {
  const rank = FIELD_ALPHABETS[field].findIndex((state) => state.code === code);
  if (rank < 0) throw new RangeError(`${code} is not a state of the ${field} alphabet`);
  return rank;
}

/** The precedence rules as sentences, for the export metadata. */
export function precedenceRule(field: SequenceField): string {
  return FIELD_ALPHABETS[field].map((state) => `${state.code} (${state.label})`).join(' > ');
}
