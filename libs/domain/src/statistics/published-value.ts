import { isSmallCount, isSuppressed } from './suppression.js';

/**
 * How a protected figure is written in JSON: the number, or `{ "suppressed": true }`. Every hidden
 * value looks the same, whatever the reason (docs/statistics.md: a reason would tell readers
 * which hidden cell is the small one).
 */
export type Published<T> = T | { readonly suppressed: true };

export function published<T>(value: T): Published<Exclude<T, { suppressed: true }>> {
  return (isSuppressed(value) ? { suppressed: true } : value) as Published<Exclude<T, { suppressed: true }>>;
}

/** A lone count of people: hidden from 1 to 10. */
export function publishedCount(count: number): Published<number> {
  return isSmallCount(count) ? { suppressed: true } : count;
}

/** Replaces every suppressed marker in a JSON-like value, deeply: what an API or export publishes. */
export function publishedDeep<T>(value: T): T {
  return strip(value) as T;
}

function strip(value: unknown): unknown {
  if (isSuppressed(value)) return { suppressed: true };
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v)]));
  return value;
}
