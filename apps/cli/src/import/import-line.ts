import { ENVELOPE_FIELDS, isPersonId } from '@parcours/domain';
import type { EventInput } from '../../../api/src/persons/commands/record-person-events.command.js';

/** One line of the file, read and shaped: what the command handlers take, with where it came from. */
export interface ImportLine {
  readonly lineNo: number;
  /** Lower case, as the handlers store it: lines are grouped by this key. */
  readonly personId: string;
  readonly input: EventInput;
}

/** A line that cannot become a command: not JSON, or not the shape of the format. */
export interface UnreadableLine {
  readonly lineNo: number;
  /** Null when even the person key cannot be read: the line then stands alone. */
  readonly personId: string | null;
  readonly eventId: string | null;
  readonly code: 'INVALID_LINE';
  readonly reason: string;
}

const KNOWN_FIELDS = new Set(['person', 'eventId', 'type', 'data', ...ENVELOPE_FIELDS]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A truncated or otherwise broken line still usually starts with its person key: finding it keeps
// the line with its person, so an all-or-nothing import holds the rest of that person back.
const PERSON_KEY = /"person"\s*:\s*"([^"]*)"/;

/**
 * Reads one line of the ndjson format. The envelope is checked here as the API's DTOs check it
 * (known fields, ids, `data` an object); the event's own schema and the domain rules are left to
 * the command handlers, so they apply exactly as through the API.
 */
export function readLine(text: string, lineNo: number): ImportLine | UnreadableLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const person = PERSON_KEY.exec(text)?.[1]?.toLowerCase();
    return unreadable(lineNo, person && isPersonId(person) ? person : null, null, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return unreadable(lineNo, null, null, 'must be a JSON object');
  const line = value as Record<string, unknown>;
  const person = typeof line['person'] === 'string' ? line['person'].toLowerCase() : '';
  if (!isPersonId(person)) return unreadable(lineNo, null, stringOrNull(line['eventId']), 'person: must be a person id (UUID)');
  const problems = [
    ...Object.keys(line)
      .filter((key) => !KNOWN_FIELDS.has(key))
      .map((key) => `${key}: is not a known field`),
    ...(typeof line['eventId'] === 'string' && UUID.test(line['eventId']) ? [] : ['eventId: must be an event id (UUID)']),
    ...(typeof line['type'] === 'string' ? [] : ['type: must be an event type (string)']),
    ...(isObject(line['data']) ? [] : ['data: must be an object']),
  ];
  if (problems.length) return unreadable(lineNo, person, stringOrNull(line['eventId']), problems.join('; '));
  const { person: _, ...input } = line;
  return { lineNo, personId: person, input: input as unknown as EventInput };
}

export function isUnreadable(line: ImportLine | UnreadableLine): line is UnreadableLine {
  return 'code' in line;
}

function unreadable(lineNo: number, personId: string | null, eventId: string | null, reason: string): UnreadableLine {
  return { lineNo, personId, eventId, code: 'INVALID_LINE', reason };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
