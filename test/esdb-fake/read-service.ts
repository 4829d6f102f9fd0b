/**
 * `Streams.Read`: stream reads, `$all` reads and `$all` catch-up subscriptions.
 * - stream read: from a revision (inclusive), the start or the end, forwards or backwards, up to
 *   `count` events; a stream that does not exist answers `StreamNotFound`;
 * - `$all` read: forwards from a position (inclusive), backwards from a position (exclusive, the
 *   events before it), or from the start / end; optional filter;
 * - `$all` subscription: a confirmation, the stored events strictly after the position (all of
 *   them from the start, none from the end), checkpoints when filtered, `CaughtUp`, then live
 *   events as they are written, until the client cancels or the connection goes.
 */
import { randomUUID } from 'node:crypto';
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import type { EventLog, LogEvent } from './event-log.js';
import { filterFrom, type FilterSpec } from './filters.js';
import { ReadReq, streamNameOf, type ReadOptions, type ReadReqMessage, type ReadRespMessage } from './proto.js';
import { caughtUpMessage, checkpointMessage, confirmationMessage, eventMessage, streamNotFoundMessage } from './read-messages.js';

type ReadCall = ServerWritableStream<ReadReqMessage, ReadRespMessage>;
type Pair = { commit: bigint; prepare: bigint };

const { StreamOptionCase, CountOptionCase, ReadDirection } = ReadReq.Options;
const { AllOptionCase } = ReadReq.Options.AllOptions;
const { RevisionOptionCase } = ReadReq.Options.StreamOptions;

export function comparePairs(a: Pair, b: Pair): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}

export function readHandler(log: EventLog) {
  return (call: ReadCall): void => {
    const options = call.request.getOptions();
    if (!options) return fail(call, status.INVALID_ARGUMENT, 'missing read options');
    const structuredIds = options.getUuidOption()?.getContentCase() === ReadReq.Options.UUIDOption.ContentCase.STRUCTURED;
    const send = (event: LogEvent) => call.write(eventMessage(event, structuredIds));
    const subscribing = options.getCountOptionCase() === CountOptionCase.SUBSCRIPTION;
    if (options.getStreamOptionCase() === StreamOptionCase.STREAM) {
      if (subscribing) return fail(call, status.UNIMPLEMENTED, 'the fake does not model stream subscriptions');
      return readStream(log, options, call, send);
    }
    if (subscribing) return subscribeToAll(log, options, call, send);
    const count = BigInt(options.getCount());
    const filter = filterFrom(options);
    let sent = 0n;
    for (const event of allEvents(log, options)) {
      if (sent >= count) break;
      if (!filter.accepts(event)) continue;
      send(event);
      sent += 1n;
    }
    call.end();
  };
}

function readStream(log: EventLog, options: ReadOptions, call: ReadCall, send: (e: LogEvent) => void): void {
  const streamOptions = options.getStream()!;
  const streamId = streamNameOf(streamOptions.getStreamIdentifier());
  const events = log.stream(streamId);
  if (events.length === 0) {
    call.write(streamNotFoundMessage(streamId));
    return void call.end();
  }
  const forwards = options.getReadDirection() === ReadDirection.FORWARDS;
  const last = BigInt(events.length - 1);
  let from: bigint;
  switch (streamOptions.getRevisionOptionCase()) {
    case RevisionOptionCase.REVISION:
      from = BigInt(streamOptions.getRevision());
      break;
    case RevisionOptionCase.END:
      from = forwards ? last + 1n : last;
      break;
    default:
      from = 0n;
  }
  if (!forwards && from > last) from = last;
  let remaining = BigInt(options.getCount());
  for (let r = from; remaining > 0n && r >= 0n && r <= last; r += forwards ? 1n : -1n, remaining -= 1n) send(events[Number(r)]!);
  call.end();
}

function allEvents(log: EventLog, options: ReadOptions): LogEvent[] {
  const all = options.getAll()!;
  const events = log.events;
  const forwards = options.getReadDirection() === ReadDirection.FORWARDS;
  switch (all.getAllOptionCase()) {
    case AllOptionCase.START:
      return forwards ? [...events] : [];
    case AllOptionCase.END:
      return forwards ? [] : [...events].reverse();
    default: {
      const from = pairOf(all.getPosition()!);
      return forwards
        ? events.filter((e) => comparePairs(e, from) >= 0)
        : events.filter((e) => comparePairs(e, from) < 0).reverse();
    }
  }
}

function subscribeToAll(log: EventLog, options: ReadOptions, call: ReadCall, send: (e: LogEvent) => void): void {
  const all = options.getAll()!;
  const filter: FilterSpec = filterFrom(options);
  call.write(confirmationMessage(randomUUID()));
  const startCase = all.getAllOptionCase();
  const after: Pair | undefined = startCase === AllOptionCase.POSITION ? pairOf(all.getPosition()!) : undefined;
  const catchUp = startCase === AllOptionCase.END ? [] : log.events.filter((e) => !after || comparePairs(e, after) > 0);
  let scanned = 0;
  for (const event of catchUp) {
    if (filter.accepts(event)) send(event);
    scanned += 1;
    if (filter.checkpointEvery && scanned % filter.checkpointEvery === 0) call.write(checkpointMessage(event));
  }
  const head = log.events[log.events.length - 1];
  if (filter.checkpointEvery && head) call.write(checkpointMessage(head));
  call.write(caughtUpMessage());
  // Catch-up and registration happen in one tick: no write can fall between them.
  const unsubscribe = log.onAppend((written) => {
    for (const event of written) if (filter.accepts(event)) send(event);
  });
  call.on('cancelled', unsubscribe);
  call.on('close', unsubscribe);
  call.on('error', unsubscribe);
}

function fail(call: ReadCall, code: status, details: string): void {
  call.emit('error', { code, details });
}

function pairOf(position: { getCommitPosition(): string; getPreparePosition(): string }): Pair {
  return { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
}
