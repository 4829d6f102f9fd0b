import { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import { ACCEPTED_VALID_TIME_FORMS, parseValidTime } from '../time/valid-time.js';
import { ISO_COUNTRY_CODES, ISO_CURRENCY_CODES } from './iso-codes.js';

/**
 * Schema building blocks of the reference catalogues. Kept apart from person/fields.ts on
 * purpose: reference data has no identifying data to guard and evolves on its own.
 */

/** Ids are stored lower-case: they name streams, and `organisation-ABC…` is not `organisation-abc…`. */
export const id = z.uuid({ message: 'must be a UUID' }).toLowerCase();

/** Short free text: a name, a label, a reason. */
export const label = (max = 200) => z.string().trim().min(1).max(max);

function isEdtfDate(value: string): boolean {
  // A single date, however vague ("2009", "2009-40", "199X"): bounds of a period or the day a
  // convention started are points, so an interval here would be a mistake, not more precision.
  if (value.includes('/')) return false;
  try {
    parseValidTime(value);
    return true;
  } catch {
    return false;
  }
}

export const edtfDate = z.string().refine(isEdtfDate, {
  message: `must be a single EDTF date (not an interval); accepted forms: ${ACCEPTED_VALID_TIME_FORMS}`,
  params: { rule: 'edtf' },
});

/** The EDTF marker of an open end: "before 2000" is from `..` to `1999`. */
export const OPEN_BOUND = '..';

export const periodBound = z.string().refine((value) => value === OPEN_BOUND || isEdtfDate(value), {
  message: `must be a single EDTF date or "${OPEN_BOUND}" for an open end`,
  params: { rule: 'edtfOrOpen' },
});

export const isoDate = z.iso.date({ message: 'must be a calendar date YYYY-MM-DD' });

export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => ISO_COUNTRY_CODES.has(code), { message: 'must be an ISO 3166-1 alpha-2 country code such as FR or BE', params: { rule: 'iso3166Alpha2' } });

export const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => ISO_CURRENCY_CODES.has(code), { message: 'must be an ISO 4217 currency code such as EUR', params: { rule: 'iso4217' } });

/** Money is a decimal string, never a float: "23921", "23921.5", "23921.00". */
export const DECIMAL_AMOUNT = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

export const decimalAmount = z.string().regex(DECIMAL_AMOUNT, {
  message: 'must be a non-negative decimal string with at most 2 decimals, such as "23921.00"',
});

/** "23921.5" → 2392150, computed on the digits so no float rounding can creep in. */
export function amountToCents(amount: string, field = 'amount'): number {
  const match = DECIMAL_AMOUNT.exec(amount);
  if (!match) throw new InvalidInputError([{ field, rule: 'decimal', message: 'must be a non-negative decimal string with at most 2 decimals' }]);
  const cents = (match[2] ?? '.').slice(1).padEnd(2, '0');
  return Number(match[1]) * 100 + Number(cents);
}
