import type { ValidTime } from './valid-time.js';

/**
 * The plain EDTF forms — a year, a month or a day, optionally uncertain `?`, approximate `~` or
 * both `%` — parsed without the full EDTF grammar, which costs a third of a millisecond a call
 * and dominated rebuilds. So are the other forms records use most: a season, quarter or half
 * ("2009-40"), a UTC date-time ("2010-09-08T12:45:00Z"), an unspecified day digit ("2008-02-1X")
 * or decade ("199X"), all without qualifiers. Anything else (partial qualifiers, offsets, other
 * unspecified digits, negative or early years) returns undefined and goes to the grammar. A spec
 * checks both agree.
 */
const PLAIN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?$/;

export function plainDate(text: string): Omit<ValidTime, 'edtf'> | undefined {
  const match = PLAIN.exec(text);
  if (!match) return otherCommonForm(text);
  const [, y, m, d, qualifier] = match;
  const year = Number(y);
  if (year < 1000) return undefined; // Date.UTC reads years 0-99 as 1900-1999: leave them to the grammar
  const month = m === undefined ? undefined : Number(m);
  if (month !== undefined && (month < 1 || month > 12)) return otherCommonForm(text); // 21-41: seasons
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

const SEASON = /^(\d{4})-(2[1-9]|3\d|4[01])$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(?:\.(\d{3}))?Z$/;
const UNSPECIFIED_DAY = /^(\d{4})-(\d{2})-([0-2])X$/;
const DECADE = /^([1-9]\d{2})X$/;

/**
 * Months [first, last] (1-12) of each EDTF division of the year, as the `edtf` package bounds
 * them: 21-24 the seasons, 25-32 the seasons by hemisphere, 33-36 quarters, 37-39 quadrimesters
 * (its own bounds), 40-41 halves.
 */
const DIVISIONS: Record<number, readonly [number, number]> = {
  21: [1, 3], 22: [4, 6], 23: [7, 9], 24: [10, 12],
  25: [1, 3], 26: [4, 6], 27: [7, 9], 28: [10, 12],
  29: [10, 12], 30: [7, 9], 31: [4, 6], 32: [1, 3],
  33: [1, 3], 34: [4, 6], 35: [7, 9], 36: [10, 12],
  37: [1, 5], 38: [5, 9], 39: [9, 12],
  40: [1, 6], 41: [7, 12],
};

function otherCommonForm(text: string): Omit<ValidTime, 'edtf'> | undefined {
  const plain = { uncertain: false, approximate: false };
  let m = SEASON.exec(text);
  if (m) {
    const year = Number(m[1]);
    const [first, last] = DIVISIONS[Number(m[2])]!;
    if (year < 1000) return undefined;
    return { lower: iso(Date.UTC(year, first - 1, 1)), upper: iso(Date.UTC(year, last, 1) - 1), precision: 'season', ...plain };
  }
  m = DATE_TIME.exec(text);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
    const at = iso(Date.UTC(year, month - 1, day, Number(m[4]), Number(m[5]), Number(m[6]), Number(m[7] ?? 0)));
    return { lower: at, upper: at, precision: 'time', ...plain };
  }
  m = UNSPECIFIED_DAY.exec(text);
  if (m) {
    const [year, month, tens] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (year < 1000 || month < 1 || month > 12) return undefined;
    const first = Math.max(1, tens * 10);
    const last = Math.min(tens * 10 + 9, daysIn(year, month));
    return { lower: iso(Date.UTC(year, month - 1, first)), upper: iso(Date.UTC(year, month - 1, last + 1) - 1), precision: 'day', ...plain };
  }
  m = DECADE.exec(text);
  if (m) {
    const start = Number(m[1]) * 10;
    return { lower: iso(Date.UTC(start, 0, 1)), upper: iso(Date.UTC(start + 10, 0, 1) - 1), precision: 'decade', ...plain };
  }
  return undefined;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
