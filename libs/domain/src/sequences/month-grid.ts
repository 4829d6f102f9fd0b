/**
 * Calendar months counted from an origin, in UTC: month 0 is the calendar month that contains the
 * origin instant, month k the k-th calendar month after it. Whole calendar months (not 30-day
 * blocks), so that a month of the sequences is a month researchers can name.
 */
export function monthIndex(origin: number, instant: number): number {
  const o = new Date(origin);
  const t = new Date(instant);
  return (t.getUTCFullYear() - o.getUTCFullYear()) * 12 + (t.getUTCMonth() - o.getUTCMonth());
}

/** The first instant of month k after the origin's month. */
export function monthStart(origin: number, k: number): number {
  const o = new Date(origin);
  return Date.UTC(o.getUTCFullYear(), o.getUTCMonth() + k, 1);
}

/**
 * Months since the start of the origin's month, with the fraction of the month elapsed: the whole
 * part is the month's index (the `m<k>` column of the wide file). Floored to 3 decimals, so that
 * rounding never carries an instant into the next month.
 */
export function decimalMonths(origin: number, instant: number): number {
  const k = monthIndex(origin, instant);
  const start = monthStart(origin, k);
  const fraction = (instant - start) / (monthStart(origin, k + 1) - start);
  return Math.floor((k + fraction) * 1000) / 1000;
}

/** "2009-11": the calendar month of an instant. */
export function calendarMonth(instant: number): string {
  return new Date(instant).toISOString().slice(0, 7);
}

/** How many months a sequence from the origin observes up to the cut-off (its month included). */
export function observedMonths(origin: number, cutoff: number): number {
  return cutoff < origin ? 0 : monthIndex(origin, cutoff) + 1;
}
