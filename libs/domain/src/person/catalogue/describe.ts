import { z } from 'zod';
import { catalogueEntry, PERSON_EVENT_TYPES, type PersonEventType } from '../events.js';
import type { CatalogueEntry } from './entry.js';

/** The fields every event has; clients send them beside `data` (see the API's envelope). */
export const ENVELOPE_FIELDS = ['occurredAt', 'provenance', 'organisation', 'after', 'note'] as const;

export interface EventTypeDescription {
  readonly type: PersonEventType;
  readonly version: number;
  readonly field: CatalogueEntry['field'];
  readonly summary: string;
  readonly sources: string;
  readonly episode: CatalogueEntry['episode'] | undefined;
  /** JSON schema (OpenAPI 3.0 flavour) of the type's own fields, the envelope left out. */
  readonly dataSchema: Record<string, unknown>;
  /** An example request: the envelope fields, and the type's own fields under `data`. */
  readonly example: Record<string, unknown>;
}

/** Describes each event type for OpenAPI and docs/events.md, from the catalogue itself. */
export function describePersonEventTypes(): EventTypeDescription[] {
  return PERSON_EVENT_TYPES.map(describeType);
}

function describeType(type: PersonEventType): EventTypeDescription {
  const entry = catalogueEntry(type);
  const schema = z.toJSONSchema(entry.schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  } & Record<string, unknown>;
  const isEnvelope = (key: string) => (ENVELOPE_FIELDS as readonly string[]).includes(key);
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([key]) => !isEnvelope(key)));
  const required = (schema.required ?? []).filter((key) => !isEnvelope(key));
  const example = entry.example as Record<string, unknown>;
  return {
    type,
    version: entry.version,
    field: entry.field,
    summary: entry.summary,
    sources: entry.sources,
    episode: entry.episode,
    dataSchema: { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false },
    example: {
      type,
      ...Object.fromEntries(Object.entries(example).filter(([key]) => isEnvelope(key))),
      data: Object.fromEntries(Object.entries(example).filter(([key]) => !isEnvelope(key))),
    },
  };
}
