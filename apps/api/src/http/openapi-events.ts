import type { OpenAPIObject } from '@nestjs/swagger';
import { describePersonEventTypes } from '@parcours/domain';

/**
 * Shows every person event type in OpenAPI: one schema per type (the envelope, `type` fixed,
 * and the type's own `data`), with an example, and the event routes' bodies as a oneOf of them,
 * discriminated by `type`. Generated from the domain catalogue, so it cannot drift.
 */
export function addPersonEventSchemas(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components ??= {}).schemas ??= {};
  const envelope = schemas['RecordEventDto'] as { properties?: Record<string, unknown>; required?: string[] } | undefined;
  const refs: { $ref: string }[] = [];
  const mapping: Record<string, string> = {};
  for (const described of describePersonEventTypes()) {
    const name = `PersonEvent.${described.type}`;
    schemas[name] = {
      type: 'object',
      description: `${described.summary} (field: ${described.field}; schema version ${described.version}; sources: ${described.sources})`,
      properties: { ...envelope?.properties, type: { type: 'string', enum: [described.type] }, data: described.dataSchema },
      required: envelope?.required ?? ['type', 'occurredAt', 'provenance', 'data'],
      example: described.example,
    };
    refs.push({ $ref: `#/components/schemas/${name}` });
    mapping[described.type] = `#/components/schemas/${name}`;
  }
  const oneOf = { oneOf: refs, discriminator: { propertyName: 'type', mapping } };
  const single = document.paths['/persons/{id}/events']?.post?.requestBody as { content?: Record<string, { schema: unknown }> } | undefined;
  if (single?.content?.['application/json']) single.content['application/json'].schema = oneOf;
  const batch = document.paths['/persons/{id}/events/batch']?.post?.requestBody as { content?: Record<string, { schema: unknown }> } | undefined;
  if (batch?.content?.['application/json']) {
    batch.content['application/json'].schema = {
      type: 'object',
      required: ['events'],
      properties: { events: { type: 'array', minItems: 1, maxItems: 500, items: oneOf } },
    };
  }
  return document;
}
