import { describePersonEventTypes, FIELDS, type EventTypeDescription } from '@parcours/domain';

/**
 * docs/events.md, rendered from the domain catalogue. `npm run cli -- docs:events` writes it; a
 * test fails when the committed file differs, so the documentation cannot drift from the code.
 */
export function renderEventsMarkdown(): string {
  const described = describePersonEventTypes();
  const out: string[] = [
    '# Person events',
    '',
    '<!-- Generated from libs/domain/src/person/catalogue by `npm run cli -- docs:events`. Do not edit by hand. -->',
    '',
    'One stream per person (`person-<uuid>`). Every event carries, beside its own `data`:',
    '',
    '| envelope field | meaning |',
    '|---|---|',
    '| `occurredAt` | valid time, EDTF: `2004`, `2011-03`, `2009-40` (first half), `2007?`, `2003/..` |',
    '| `provenance` | caseworker_observation, interview, self_report, relative, service_record, unknown |',
    '| `organisation` | optional `{ organisationId?, name?, role? }` where it happened |',
    '| `after` | optional ordering hint: the eventId this event follows (facts sharing a coarse date) |',
    '| `note` | optional free text, never identifying data |',
    '',
    'Recorded time, the recording user and organisation, and the schema version are in the metadata.',
    'Episode events open or close an episode named by `episodeId`: an end needs its start and is not before it.',
    '',
    `${described.length} types.`,
    '',
  ];
  for (const field of FIELDS) {
    const ofField = described.filter((d) => d.field === field);
    if (!ofField.length) continue;
    out.push(`## ${field}`, '');
    for (const d of ofField) out.push(...renderType(d));
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function renderType(d: EventTypeDescription): string[] {
  const schema = d.dataSchema as { properties: Record<string, Record<string, unknown>>; required?: string[] };
  const lines = [
    `### ${d.type}`,
    '',
    `${d.summary}`,
    '',
    `Schema version ${d.version}. Sources: ${d.sources}.${d.episode ? ` Episode: ${d.episode.kind} (${d.episode.role}).` : ''}`,
    '',
  ];
  const properties = Object.entries(schema.properties);
  if (properties.length) {
    lines.push('| data field | type | required |', '|---|---|---|');
    for (const [name, property] of properties) lines.push(`| \`${name}\` | ${typeOf(property)} | ${schema.required?.includes(name) ? 'yes' : ''} |`);
    lines.push('');
  }
  lines.push('```json', JSON.stringify(d.example), '```', '');
  return lines;
}

function typeOf(property: Record<string, unknown>): string {
  if (Array.isArray(property['enum'])) return (property['enum'] as string[]).join(', ');
  if (property['type'] === 'array') return `list of ${typeOf((property['items'] ?? {}) as Record<string, unknown>)}`;
  if (property['format'] === 'uuid') return 'UUID';
  if (property['type'] === 'object') return 'object';
  return String(property['type'] ?? property['format'] ?? 'any');
}
