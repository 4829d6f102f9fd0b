// Text for people: dates, amounts, published figures. Pure functions (unit-tested in test/ui).

const UTC_DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
const UTC_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** A recorded (transaction) time: "22 Nov 2026, 21:55:41 UTC". */
export function formatRecordedAt(iso) {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? String(iso) : `${UTC_DATE_TIME.format(ms)} UTC`;
}

/** A calendar day in UTC: "1 Jan 2009". */
export function formatDay(iso) {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  return Number.isNaN(ms) ? String(iso) : UTC_DATE.format(ms);
}

/**
 * A valid time as the source gave it, with its bounds when it is not a single day: vague dates
 * ("2009-40", early 2009) must read as vague, never as a made-up precise day.
 */
export function describeValidTime(vt) {
  if (!vt) return 'unknown';
  const { edtf, lower, upper } = vt;
  if (lower === null && upper === null) return `${edtf} (unknown)`;
  if (lower === null) return `${edtf} (until ${formatDay(upper)})`;
  if (upper === null) return `${edtf} (from ${formatDay(lower)}, open)`;
  const from = formatDay(lower);
  const to = formatDay(upper);
  return from === to ? `${edtf}` : `${edtf} (${from} – ${to})`;
}

/** "HospitalAdmitted" → "Hospital admitted"; "care_follow_up" → "care follow-up" is words(). */
export function eventLabel(type) {
  const spaced = String(type).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Snake-case codes of the API as words: "care_follow_up" → "care follow up". */
export function words(code) {
  return String(code).replaceAll('_', ' ');
}

/** Hidden figures are `{ suppressed: true }` (docs/statistics.md), whatever the reason. */
export function isSuppressed(value) {
  return value !== null && typeof value === 'object' && value.suppressed === true;
}

/** The one text every hidden figure gets: readers must not learn which hidden cell is the small one. */
export const SUPPRESSED_TEXT = 'suppressed';

/** A published count, share or amount as text: hidden → "suppressed", null → "–" (undefined). */
export function published(value, format = String) {
  if (isSuppressed(value)) return SUPPRESSED_TEXT;
  if (value === null || value === undefined) return '–';
  return format(value);
}

export function percent(share, digits = 1) {
  return `${(share * 100).toFixed(digits)} %`;
}

/** Integer cents → "€1,234.50" (en-GB conventions, like the rest of the English UI). */
export function money(cents, currency) {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(cents / 100);
}

/** A span of days with its bounds, as the parcours view gives it: "91 days (0–912)". */
export function describeSpan(span) {
  if (!span) return '–';
  const round = (n) => Math.round(n * 10) / 10;
  return span.min === span.max ? `${round(span.days)} days` : `${round(span.days)} days (${round(span.min)} to ${round(span.max)})`;
}
