/**
 * Suppressed figures as published: `{ suppressed: true }`, whatever the reason. The reason
 * (small cell, complementary, derived) is for audit and tests: shown to readers, it would tell
 * which hidden cell is the small one (libs/domain/src/statistics/suppression.ts).
 */
export function forPublication<T>(value: T): T {
  return strip(value) as T;
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value !== 'object' || value === null) return value;
  if ((value as { suppressed?: unknown }).suppressed === true) return { suppressed: true };
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, strip(v)]));
}
