/**
 * Reads in pages: each page is one bounded gRPC read, collected whole (under a timeout) before
 * its events are handed out, so a caller that stops iterating never leaves a call open.
 *
 * `$all` and the port differ in two places, handled here:
 * - system events are in `$all`: they are skipped (and not counted against `maxCount`);
 * - the port reads backwards *from* a position inclusively, EventStoreDB strictly before it:
 *   the event at the position itself is fetched first.
 * Pages overlap by one event (a forward read from a position includes it): positions already
 * handed out are skipped, which also makes the reader indifferent to either server behaviour.
 */
import {
  BACKWARDS,
  FORWARDS,
  type EventStoreDBClient,
  type ReadPosition,
  type RecordedEvent as EsdbRecordedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import type { ReadAllOptions, ReadStreamOptions } from '../event-store.port.js';
import { START, type Position } from '../position.js';
import { isStreamNotFound, translateError, withTimeout } from './esdb-errors.js';
import { fromEsdbPosition, isSystemEvent, toEsdbPosition } from './esdb-events.js';

export interface PageSettings {
  readonly pageSize: number;
  readonly timeoutMs: number;
}

/** Every event of one read, or StoreUnavailableError when it takes longer than `timeoutMs`. */
export async function readPage(
  read: StreamingRead<{ event?: EsdbRecordedEvent }>,
  timeoutMs: number,
  what: string,
): Promise<EsdbRecordedEvent[]> {
  const collect = async () => {
    const out: EsdbRecordedEvent[] = [];
    for await (const resolved of read) if (resolved.event) out.push(resolved.event);
    return out;
  };
  return withTimeout(collect(), timeoutMs, what, () => read.cancel());
}

export async function* readStreamEvents(
  client: EventStoreDBClient,
  streamId: string,
  options: ReadStreamOptions,
  settings: PageSettings,
): AsyncGenerator<EsdbRecordedEvent> {
  const forwards = (options.direction ?? 'forwards') === 'forwards';
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  if (!forwards && options.fromRevision !== undefined && options.fromRevision < 0) return;
  let from: bigint | 'start' | 'end' =
    options.fromRevision !== undefined ? BigInt(Math.max(0, options.fromRevision)) : forwards ? 'start' : 'end';
  while (remaining > 0) {
    const count = Math.min(remaining, settings.pageSize);
    let page: EsdbRecordedEvent[];
    try {
      const read = client.readStream(streamId, { fromRevision: from, direction: forwards ? FORWARDS : BACKWARDS, maxCount: count });
      page = await readPage(read, settings.timeoutMs, `a read of ${streamId}`);
    } catch (error) {
      if (isStreamNotFound(error)) return;
      throw translateError(error, `read of ${streamId}`);
    }
    yield* page;
    const last = page[page.length - 1];
    if (!last || page.length < count || (!forwards && last.revision === 0n)) return;
    remaining -= page.length;
    from = forwards ? last.revision + 1n : last.revision - 1n;
  }
}

export async function* readAllEvents(
  client: EventStoreDBClient,
  options: ReadAllOptions,
  settings: PageSettings,
): AsyncGenerator<EsdbRecordedEvent> {
  const forwards = (options.direction ?? 'forwards') === 'forwards';
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  if (remaining <= 0) return;
  const fromPosition = options.fromPosition ?? START;
  let from: ReadPosition = options.fromPosition ? toEsdbPosition(options.fromPosition) : forwards ? 'start' : 'end';
  /** The last position handed out (or passed over): pages never go back over it. */
  let last: Position | undefined;
  const page = async (position: ReadPosition, direction: typeof FORWARDS | typeof BACKWARDS, count: number) => {
    try {
      return await readPage(client.readAll({ fromPosition: position, direction, maxCount: count }), settings.timeoutMs, 'a read of $all');
    } catch (error) {
      throw translateError(error, 'read of $all');
    }
  };

  if (!forwards && options.fromPosition && fromPosition !== START) {
    const [at] = await page(from, FORWARDS, 1);
    if (at?.position && fromEsdbPosition(at.position) === fromPosition && !isSystemEvent(at)) {
      yield at;
      remaining -= 1;
    }
    last = fromPosition;
  }
  const count = Math.max(2, settings.pageSize);
  while (remaining > 0) {
    const events = await page(from, forwards ? FORWARDS : BACKWARDS, count);
    for (const event of events) {
      const position = fromEsdbPosition(event.position!);
      if (last !== undefined && (forwards ? position <= last : position >= last)) continue;
      last = position;
      if (isSystemEvent(event)) continue;
      yield event;
      if (--remaining === 0) return;
    }
    const tail = events[events.length - 1];
    if (!tail?.position || events.length < count) return;
    from = tail.position;
  }
}
