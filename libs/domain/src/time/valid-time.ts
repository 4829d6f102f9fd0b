import edtf from 'edtf';
import { plainDate } from './plain-dates.js';

/**
 * When something happened in the person's life (valid time), as precisely as the source says.
 * The interchange form is EDTF (ISO 8601-2); every value carries its lower and upper bounds so
 * that vague dates ("2007", "early 2009") can be compared and exported for sensitivity analysis.
 */
export interface ValidTime {
  readonly edtf: string;
  /** First instant it may have happened (ISO 8601 UTC); null when the start is unknown. */
  readonly lower: string | null;
  /** Last instant it may have happened; null when open or unknown. */
  readonly upper: string | null;
  readonly precision: 'year' | 'season' | 'month' | 'day' | 'time' | 'decade' | 'century' | 'interval';
  readonly uncertain: boolean;
  readonly approximate: boolean;
}

export const ACCEPTED_VALID_TIME_FORMS =
  'EDTF: a year "2004", a month "2011-03", a day "2011-03-15", a date-time "2011-03-15T10:00:00Z", ' +
  'a season or quarter "2009-21".."2009-39", a half "2009-40" (first) or "2009-41" (second), ' +
  'uncertain "2007?" or approximate "2007~", an unspecified digit "199X", an interval "2011/2012" with open "2003/.." or unknown "2003/" ends';

export class InvalidValidTimeError extends Error {
  readonly code = 'INVALID_VALID_TIME';
  constructor(readonly value: unknown) {
    super(`${JSON.stringify(value)} is not a valid date; accepted forms: ${ACCEPTED_VALID_TIME_FORMS}`);
    this.name = 'InvalidValidTimeError';
  }
}

type EdtfValue = {
  type: string;
  min: number;
  max: number;
  precision?: number;
  uncertain?: { value: number } | boolean;
  approximate?: { value: number } | boolean;
  unspecified?: { value: number };
  lower?: EdtfValue | null;
  upper?: EdtfValue | null;
};

const PRECISION: Record<number, ValidTime['precision']> = { 0: 'time', 1: 'year', 2: 'month', 3: 'day' };

/**
 * Parsed dates, by text. The EDTF grammar is costly to run and paths reuse few distinct dates
 * ("2007", "2009-40"), while the decider and the projections ask again for every event. Values
 * are frozen, so sharing them is safe; the cache is emptied when full to bound its memory.
 */
const parsed = new Map<string, ValidTime>();
const CACHE_LIMIT = 50_000;

export function parseValidTime(value: string): ValidTime {
  return cachedParse(value, parseUncached);
}

/** The grammar alone, without the plain-date fast path or the cache: for the spec comparing them. */
export function parseValidTimeWithGrammar(value: string): ValidTime {
  return { edtf: value, ...parseWithGrammar(value) };
}

function cachedParse(value: string, parse: (value: string) => ValidTime): ValidTime {
  const cached = typeof value === 'string' ? parsed.get(value) : undefined;
  if (cached) return cached;
  const result = Object.freeze(parse(value));
  if (parsed.size >= CACHE_LIMIT) parsed.clear();
  parsed.set(value, result);
  return result;
}

function parseUncached(value: string): ValidTime {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 64) throw new InvalidValidTimeError(value);
  const text = value.trim();
  const slash = text.indexOf('/');
  if (slash >= 0) return parseInterval(text, text.slice(0, slash), text.slice(slash + 1));
  const parsed = parseSingle(text);
  return { edtf: text, ...parsed };
}

function parseSingle(text: string): Omit<ValidTime, 'edtf'> {
  return plainDate(text) ?? parseWithGrammar(text);
}

function parseWithGrammar(text: string): Omit<ValidTime, 'edtf'> {
  let d: EdtfValue;
  try {
    d = edtf(text) as unknown as EdtfValue;
  } catch {
    throw new InvalidValidTimeError(text);
  }
  if (d.type === 'Interval' || d.type === 'Set' || d.type === 'List' || !Number.isFinite(d.min) || !Number.isFinite(d.max)) {
    throw new InvalidValidTimeError(text);
  }
  return {
    lower: new Date(d.min).toISOString(),
    upper: new Date(d.max).toISOString(),
    precision: precisionOf(d, text),
    uncertain: flag(d.uncertain),
    approximate: flag(d.approximate),
  };
}

function parseInterval(text: string, start: string, end: string): ValidTime {
  if (start === '' && end === '') throw new InvalidValidTimeError(text);
  const unknownOrOpen = (part: string) => part === '' || part === '..';
  const lower = unknownOrOpen(start) ? undefined : parseSingle(start);
  const upper = unknownOrOpen(end) ? undefined : parseSingle(end);
  if (lower && upper && lower.lower! > upper.upper!) throw new InvalidValidTimeError(text);
  return {
    edtf: text,
    lower: lower?.lower ?? null,
    upper: upper?.upper ?? null,
    precision: 'interval',
    uncertain: Boolean(lower?.uncertain || upper?.uncertain),
    approximate: Boolean(lower?.approximate || upper?.approximate),
  };
}

function precisionOf(d: EdtfValue, text: string): ValidTime['precision'] {
  if (d.type === 'Season') return 'season';
  if (/^-?\d{2}XX/.test(text)) return 'century';
  if (/^-?\d{3}X/.test(text)) return 'decade';
  return PRECISION[d.precision ?? 1] ?? 'year';
}

function flag(value: EdtfValue['uncertain']): boolean {
  if (typeof value === 'boolean') return value;
  return Boolean(value && value.value !== 0);
}

/** True when the two times may overlap (their bounds intersect); null bounds are unbounded. */
export function mayOverlap(a: ValidTime, b: ValidTime): boolean {
  return (a.lower === null || b.upper === null || a.lower <= b.upper) && (b.lower === null || a.upper === null || b.lower <= a.upper);
}

/** True when `a` is certainly before `b`: a's latest instant precedes b's earliest. */
export function certainlyBefore(a: ValidTime, b: ValidTime): boolean {
  return a.upper !== null && b.lower !== null && a.upper < b.lower;
}
