import type { JsonObject } from '@parcours/event-store';

/**
 * What a researcher never sees of a person (docs/security.md): the identity block, free text
 * (notes, narratives: they name people and places), and who recorded what. Applied to every
 * shape a person's data leaves in: event data, metadata, parcours views and replay frames.
 */
const FREE_TEXT_KEYS = new Set(['identity', 'note', 'text']);

/** Event data without identity and free text, corrections' replacements included. */
export function pseudonymiseData(data: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(data)) {
    if (FREE_TEXT_KEYS.has(key)) continue;
    out[key] = key === 'replacement' && isObject(value) ? pseudonymiseData(value) : value;
  }
  return out;
}

/** Metadata without the recording user (schema version and provenance of the import stay). */
export function pseudonymiseMetadata(metadata: JsonObject): JsonObject {
  const { recordedBy: _recordedBy, requestId: _requestId, ...rest } = metadata;
  return rest;
}

/** A parcours view (or any nested structure of it) with every note emptied. */
export function withoutNotes<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => withoutNotes(item)) as T;
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = FREE_TEXT_KEYS.has(key) ? null : withoutNotes(item);
  return out as T;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
