/**
 * Calendar days (UTC) as integers: day 0 is 1970-01-01. Per-day costs count whole days, so
 * counting them on integers keeps the arithmetic exact and cheap.
 */
export const DAY_MS = 86_400_000;

/** The day an instant (epoch ms) falls on. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** 'YYYY-MM-DD' → its day. */
export function dayOfIsoDate(date: string): number {
  return dayOf(Date.parse(`${date}T00:00:00Z`));
}

/**
 * The calendar year of a day, by integer arithmetic (H. Hinnant's civil-from-days): called for
 * every costed segment of every episode, where a Date per call would dominate.
 */
export function yearOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153); // March = 0
  return yearOfEra + era * 400 + (monthIndex >= 10 ? 1 : 0);
}

export function firstDayOfYear(year: number): number {
  return dayOf(Date.UTC(year, 0, 1));
}

/** An inclusive range of days; `null` when empty. */
export interface DayRange {
  readonly first: number;
  readonly last: number;
}

/** How many days of [first, last] fall in the range (0 when apart or when the range is empty). */
export function overlapDays(first: number, last: number, range: DayRange | null): number {
  if (!range) return 0;
  return Math.max(0, Math.min(last, range.last) - Math.max(first, range.first) + 1);
}

/** The range clipped to [from, to]; null when nothing is left. */
export function clipRange(range: DayRange | null, from: number | null, to: number): DayRange | null {
  if (!range) return null;
  const first = from === null ? range.first : Math.max(range.first, from);
  const last = Math.min(range.last, to);
  return first <= last ? { first, last } : null;
}
