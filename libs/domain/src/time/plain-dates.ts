import type { ValidTime } from './valid-time.js';

/**
 * The plain EDTF forms — a year, a month or a day, optionally uncertain `?`, approximate `~` or
 * both `%` — parsed without the full EDTF grammar, which costs a third of a millisecond a call
 * and dominated rebuilds. Anything else (seasons, unspecified digits, times, partial qualifiers,
 * negative years) returns undefined and goes to the grammar. A spec checks both agree.
 */
const PLAIN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$/;

export function plainDate(text: string): Omit<ValidTime, 'edtf'> | undefined {
  const match = PLAIN.exec(text);
  if (!match) return undefined;
  const [, y, m, d, qualifier] = match;
  const year = Number(y);
  if (year < 1000) return undefined; // Date.UTC reads years 0-99 as 1900-1999: leave them to the grammar
  const month = m === undefined ? undefined : Number(m);
  if (month !== undefined && (month < 1 || month > 12)) return undefined; // 21-41: seasons, for the grammar
  const day = d === undefined ? undefined : Number(d);
  if (day !== undefined && (day < 1 || day > daysIn(year, month!))) return undefined; // the grammar says why it is invalid
  const lower = Date.UTC(year, (month ?? 1) - 1, day ?? 1);
  const upper =
    day !== undefined ? lower + 86_399_999 : month !== undefined ? Date.UTC(year, month, 1) - 1 : Date.UTC(year + 1, 0, 1) - 1;
  return {
    lower: new Date(lower).toISOString(),
    upper: new Date(upper).toISOString(),
    precision: day !== undefined ? 'day' : month !== undefined ? 'month' : 'year',
    uncertain: qualifier === '?' || qualifier === '%',
    approximate: qualifier === '~' || qualifier === '%',
  };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
