/** Days since 1970-01-01 (UTC): the generator's internal valid time, before it is made vague. */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month = 1, day = 1): Day {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function partsOf(day: Day): DateParts {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export const yearOf = (day: Day): number => partsOf(day).year;
export const firstDayOfYear = (year: number): Day => dayOf(year);
export const lastDayOfYear = (year: number): Day => dayOf(year + 1) - 1;

export const WEEK = 7;
export const MONTH = 30;
export const YEAR = 365;
