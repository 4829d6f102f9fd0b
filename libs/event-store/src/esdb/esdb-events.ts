/**
 * Mapping between the port's events and EventStoreDB's.
 *
 * Recording time: EventStoreDB stamps `created` itself and cannot be told another time, yet a
 * copy (migration, restore) must keep the original one. So every append writes the recording
 * time into the event's metadata under the reserved key `$recordedAt` (the caller's
 * `recordedAt`, or now), and reading takes it back out: callers never see the key. Events
 * written by other tools, without the key, fall back to the server's `created`.
 */
import { jsonEvent, type EventData, type Position as EsdbPosition, type RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { InvalidAppendError } from '../errors.js';
import type { Json, JsonObject, NewEvent, RecordedEvent } from '../event-store.port.js';
import { decodePosition, encodePosition, START, type Position } from '../position.js';

export const RECORDED_AT_KEY = '$recordedAt';

export function toEventData(event: NewEvent, now: Date): EventData {
  const metadata: JsonObject = { ...(event.metadata ?? {}) };
  if (Object.prototype.hasOwnProperty.call(metadata, RECORDED_AT_KEY)) {
    throw new InvalidAppendError(`Event ${event.eventId}: metadata key ${RECORDED_AT_KEY} is reserved for the recording time`);
  }
  metadata[RECORDED_AT_KEY] = (event.recordedAt ?? now).toISOString();
  return jsonEvent({ id: event.eventId.toLowerCase(), type: event.type, data: event.data, metadata });
}

/** Events of the server itself: `$`-prefixed types (`$metadata`, `$>` links...) or streams (`$$x`, `$settings`...). */
export function isSystemEvent(event: { readonly type: string; readonly streamId: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  const metadata: JsonObject = isJsonObject(event.metadata) ? { ...event.metadata } : {};
  const stamped = metadata[RECORDED_AT_KEY];
  delete metadata[RECORDED_AT_KEY];
  const recordedAt = typeof stamped === 'string' && !Number.isNaN(Date.parse(stamped)) ? new Date(stamped) : event.created;
  return {
    eventId: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: event.position ? fromEsdbPosition(event.position) : START,
    type: event.type,
    // A binary or non-object event (written by another tool) has no JSON object to give.
    data: event.isJson && isJsonObject(event.data) ? event.data : {},
    metadata,
    recordedAt,
  };
}

export function fromEsdbPosition(position: EsdbPosition): Position {
  return encodePosition({ commit: position.commit, prepare: position.prepare });
}

/** Our position as the client's; START is the client's `start` constant. */
export function toEsdbPosition(position: Position): EsdbPosition | 'start' {
  if (position === START) return 'start';
  const { commit, prepare } = decodePosition(position);
  return { commit, prepare };
}

function isJsonObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
