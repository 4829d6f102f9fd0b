import type { RecordedEvent } from '@parcours/event-store';

export interface BatchLimits {
  /** Most events in one append. */
  readonly maxEvents: number;
  /**
   * Most bytes of JSON (data + metadata + type) in one append. EventStoreDB refuses appends above
   * its `MaxAppendSize` (1 MiB by default); half of it leaves room for the envelope and our
   * `$recordedAt` key. A single larger event still goes alone: the server decides.
   */
  readonly maxBytes: number;
}

export const DEFAULT_LIMITS: BatchLimits = { maxEvents: 500, maxBytes: 512 * 1024 };

export interface StreamBatch {
  readonly streamId: string;
  /** Consecutive revisions of one stream, in order. */
  readonly events: readonly RecordedEvent[];
}

/**
 * Groups a log read in global order into appends: consecutive events of the same stream go
 * together, up to the limits. Only one batch is held at a time, so memory stays bounded whatever
 * the size of the log. Events of one source append are consecutive in the log, so they usually
 * travel together again; events of interleaved streams become one append each.
 */
export async function* streamBatches(log: AsyncIterable<RecordedEvent>, limits: BatchLimits = DEFAULT_LIMITS): AsyncGenerator<StreamBatch> {
  let events: RecordedEvent[] = [];
  let bytes = 0;
  for await (const event of log) {
    const size = sizeOf(event);
    const current = events[0]?.streamId;
    if (current !== undefined && (current !== event.streamId || events.length >= limits.maxEvents || bytes + size > limits.maxBytes)) {
      yield { streamId: current, events };
      events = [];
      bytes = 0;
    }
    events.push(event);
    bytes += size;
  }
  if (events.length > 0) yield { streamId: events[0]!.streamId, events };
}

function sizeOf(event: RecordedEvent): number {
  return JSON.stringify(event.data).length + JSON.stringify(event.metadata).length + event.type.length;
}
