import {
  comparePositions,
  EventIdConflictError,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type RecordedEvent,
  WrongExpectedVersionError,
} from '@parcours/event-store';
import type { MigrationConflict } from './migration-summary.js';
import { collectWithRetries, DEFAULT_RETRY, type RetryPolicy, withRetries } from './retry.js';

export interface CopyOutcome {
  readonly copied: number;
  readonly alreadyThere: number;
  /** Set when the target holds other events: the events from `conflict.revision` on were not copied. */
  readonly conflict?: MigrationConflict;
}

/**
 * Appends one batch (consecutive revisions of one stream) to the target, expecting the stream to
 * end exactly before the batch. That exact expectation is what makes the copy safe to repeat:
 * - the stream ends before the batch: the events are written, in order;
 * - the target already holds these ids at these revisions (an earlier run): the store answers
 *   the first result and writes nothing, whatever its age (the server reads the stream itself
 *   for an exact expectation, not its bounded cache of recent ids);
 * - the target holds the start of the batch only (an earlier run cut its batches elsewhere): that
 *   part is checked on its own, then the rest is appended after it;
 * - anything else (other ids, a gap) is a conflict, described, never skipped silently.
 *
 * `writtenAfter` is the target's head before the run: the answer's position tells a new write
 * (after it) from an idempotent answer (at or before it), with no extra read.
 */
export async function copyBatch(
  target: EventStore,
  streamId: string,
  events: readonly RecordedEvent[],
  writtenAfter: Position,
  retry: RetryPolicy = DEFAULT_RETRY,
): Promise<CopyOutcome> {
  let copied = 0;
  let alreadyThere = 0;
  const chunks: (readonly RecordedEvent[])[] = [events];
  while (chunks.length > 0) {
    const chunk = chunks.shift()!;
    const first = chunk[0]!.revision;
    try {
      const result = await withRetries(() => target.append(streamId, chunk.map(asNewEvent), expectedBefore(first)), retry);
      if (comparePositions(result.position, writtenAfter) > 0) copied += chunk.length;
      else alreadyThere += chunk.length;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) && !(error instanceof EventIdConflictError)) throw error;
      const actual = error instanceof WrongExpectedVersionError ? error.actual : undefined;
      const last = chunk[chunk.length - 1]!.revision;
      if (typeof actual === 'number' && actual >= first && actual < last) {
        // The stream ends inside this chunk: confirm the part it holds, then append the rest after it.
        const held = actual - first + 1;
        chunks.unshift(chunk.slice(0, held), chunk.slice(held));
        continue;
      }
      return { copied, alreadyThere, conflict: await describeConflict(target, streamId, chunk, actual, retry) };
    }
  }
  return { copied, alreadyThere };
}

/** The exact expectation for an append starting at `revision`. */
export function expectedBefore(revision: number): ExpectedRevision {
  return revision === 0 ? 'no_stream' : revision - 1;
}

/** The copy keeps everything but the position and revision, which the target assigns. */
function asNewEvent(event: RecordedEvent): NewEvent {
  return { eventId: event.eventId, type: event.type, data: event.data, metadata: event.metadata, recordedAt: event.recordedAt };
}

/** Reads what the target holds where the chunk should go, to name the first revision that differs. */
async function describeConflict(
  target: EventStore,
  streamId: string,
  chunk: readonly RecordedEvent[],
  actual: number | 'no_stream' | undefined,
  retry: RetryPolicy,
): Promise<MigrationConflict> {
  const first = chunk[0]!.revision;
  if (actual === 'no_stream' || (typeof actual === 'number' && actual < first - 1)) {
    const ends = actual === 'no_stream' ? 'does not exist' : `ends at revision ${actual}`;
    return { streamId, revision: first, message: `stream ${streamId} at revision ${first}: the target stream ${ends}, so the source's events before revision ${first} are missing there` };
  }
  const stored = await collectWithRetries(() => target.readStream(streamId, { fromRevision: first, maxCount: chunk.length }), retry);
  for (const [i, source] of chunk.entries()) {
    const there = stored[i];
    const revision = first + i;
    if (!there) {
      return { streamId, revision, message: `stream ${streamId} at revision ${revision}: the target stream ends at revision ${revision - 1} but refused the append` };
    }
    if (there.eventId.toLowerCase() !== source.eventId.toLowerCase() || there.type !== source.type) {
      return {
        streamId,
        revision,
        message: `stream ${streamId} at revision ${revision}: the target holds event ${there.eventId} (${there.type}), the source has ${source.eventId} (${source.type})`,
      };
    }
  }
  return { streamId, revision: first, message: `stream ${streamId} at revision ${first}: the target refused the events (${actual === undefined ? 'an event id is used elsewhere' : `its stream is at revision ${actual}`})` };
}
