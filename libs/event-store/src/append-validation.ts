import { InvalidAppendError } from './errors.js';
import type { ExpectedRevision, NewEvent } from './event-store.port.js';
import { assertStreamName } from './stream-name.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TYPE = /^[A-Za-z][A-Za-z0-9_.]{0,127}$/;

/** Checks every rule of the port that does not need the store; shared by all adapters. */
export function validateAppend(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): void {
  assertStreamName(streamId);
  if (!Array.isArray(events) || events.length === 0) throw new InvalidAppendError('An append needs at least one event');
  if (typeof expected === 'number' && !(Number.isSafeInteger(expected) && expected >= 0)) {
    throw new InvalidAppendError(`Expected revision must be a non-negative integer, got ${expected}`);
  }
  if (typeof expected !== 'number' && !['any', 'no_stream', 'stream_exists'].includes(expected)) {
    throw new InvalidAppendError(`Unknown expected revision ${JSON.stringify(expected)}`);
  }
  const seen = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.eventId)) throw new InvalidAppendError(`Event id ${JSON.stringify(event.eventId)} is not a UUID`);
    const id = event.eventId.toLowerCase();
    if (seen.has(id)) throw new InvalidAppendError(`Event id ${event.eventId} appears twice in one append`);
    seen.add(id);
    if (!TYPE.test(event.type)) throw new InvalidAppendError(`Event type ${JSON.stringify(event.type)} is not a valid name`);
    if (!isPlainObject(event.data)) throw new InvalidAppendError(`Event ${event.eventId}: data must be a JSON object`);
    if (event.metadata !== undefined && !isPlainObject(event.metadata)) {
      throw new InvalidAppendError(`Event ${event.eventId}: metadata must be a JSON object`);
    }
    if (event.recordedAt !== undefined && Number.isNaN(event.recordedAt.getTime?.())) {
      throw new InvalidAppendError(`Event ${event.eventId}: recordedAt is not a valid date`);
    }
  }
}

/** Does a stream whose last revision is `current` (-1: no stream) meet `expected`? */
export function meetsExpectation(expected: ExpectedRevision, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === -1;
    case 'stream_exists':
      return current >= 0;
    default:
      return current === expected;
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
