import { type Day, partsOf } from './calendar.js';
import type { Rng } from './random.js';

/** Every EDTF form the domain accepts (valid-time.ts), as a way to tell a date. */
export type DateStyle =
  | 'year'
  | 'month'
  | 'day'
  | 'datetime'
  | 'half'
  | 'quarter'
  | 'season'
  | 'uncertainYear'
  | 'approximateYear'
  | 'uncertainApproximateYear'
  | 'approximateMonth'
  | 'uncertainDay'
  | 'unspecifiedDay'
  | 'decade'
  | 'interval'
  | 'openEnd'
  | 'openStart';

/** The days a rendered bound may reach: intervals stay inside the cohort's years. */
export interface DateWindow {
  readonly min: Day;
  readonly max: Day;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Tells `day` in the given style. Whatever the style, the day lies between the bounds of the
 * result: that is what keeps every generated end not before its start once both are made vague.
 */
export function renderDay(day: Day, style: DateStyle, rng: Rng, window: DateWindow): string {
  const { year, month, day: dom } = partsOf(day);
  const y = pad(year, 4);
  const m = `${y}-${pad(month)}`;
  const full = `${m}-${pad(dom)}`;
  switch (style) {
    case 'year':
      return y;
    case 'month':
      return m;
    case 'day':
      return full;
    case 'datetime':
      return `${full}T${pad(rng.int(7, 19))}:${pad(rng.pick([0, 15, 30, 45]))}:00Z`;
    case 'half':
      return `${y}-${month <= 6 ? 40 : 41}`;
    case 'quarter':
      return `${y}-${32 + Math.ceil(month / 3)}`;
    case 'season':
      return `${y}-${20 + Math.ceil(month / 3)}`;
    case 'uncertainYear':
      return `${y}?`;
    case 'approximateYear':
      return `${y}~`;
    case 'uncertainApproximateYear':
      return `${y}%`;
    case 'approximateMonth':
      return `${m}~`;
    case 'uncertainDay':
      return `${full}?`;
    case 'unspecifiedDay':
      // "the twenties of March": EDTF refuses 3X in months of 30 days, so only days 1-29 use it.
      return dom < 30 ? `${m}-${Math.floor(dom / 10)}X` : full;
    case 'decade':
      return `${y.slice(0, 3)}X`;
    case 'interval':
      return intervalAround(day, rng, window);
    case 'openEnd':
      return `${partsOf(Math.max(window.min, day - rng.int(0, 400))).year}/..`;
    case 'openStart':
      return `/${partsOf(Math.min(window.max, day + rng.int(0, 400))).year}`;
  }
}

/** "2006/2009-40": somewhere between two coarser dates, as retrospective accounts give ends. */
function intervalAround(day: Day, rng: Rng, window: DateWindow): string {
  const from = renderDay(Math.max(window.min, day - rng.int(30, 900)), rng.pick(['year', 'month'] as const), rng, window);
  const to = renderDay(Math.min(window.max, day + rng.int(30, 600)), rng.pick(['year', 'half', 'month'] as const), rng, window);
  return from === to ? from : `${from}/${to}`;
}

/**
 * One coarse date for facts the source gives together ("en 2007": training, failure, relapse,
 * readmission): the coarsest usual form that contains every one of their days.
 */
export function renderShared(first: Day, last: Day, rng: Rng): string {
  const a = partsOf(first);
  const b = partsOf(last);
  if (a.year === b.year) {
    const sameHalf = a.month <= 6 === b.month <= 6;
    if (sameHalf && rng.chance(0.3)) return `${a.year}-${a.month <= 6 ? 40 : 41}`;
    if (a.month === b.month && rng.chance(0.3)) return `${a.year}-${pad(a.month)}`;
    return rng.chance(0.15) ? `${a.year}~` : String(a.year);
  }
  return rng.chance(0.5) ? `${a.year}/${b.year}` : `${a.year}-${pad(a.month)}/${b.year}-${pad(b.month)}`;
}

/** How precise a source usually is: records give days, interviews years and halves. */
export const STYLES_BY_PROVENANCE: Record<string, readonly (readonly [DateStyle, number])[]> = {
  service_record: [['day', 50], ['month', 30], ['datetime', 4], ['year', 8], ['uncertainDay', 3], ['quarter', 5]],
  caseworker_observation: [['day', 55], ['month', 35], ['approximateMonth', 5], ['unspecifiedDay', 5]],
  interview: [
    ['year', 30], ['half', 14], ['month', 12], ['approximateYear', 9], ['uncertainYear', 6], ['uncertainApproximateYear', 2],
    ['interval', 10], ['season', 4], ['quarter', 3], ['approximateMonth', 5], ['openStart', 1], ['openEnd', 1],
  ],
  self_report: [['uncertainYear', 25], ['year', 25], ['approximateMonth', 20], ['month', 20], ['approximateYear', 10]],
  relative: [['uncertainYear', 40], ['approximateYear', 30], ['year', 30]],
  unknown: [['year', 50], ['interval', 30], ['uncertainYear', 20]],
};
