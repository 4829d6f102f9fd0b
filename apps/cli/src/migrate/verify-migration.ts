import type { EventStore } from '@parcours/event-store';
import type { VerifyMismatch } from './migration-summary.js';
import { collectWithRetries, type RetryPolicy } from './retry.js';

/** What the source says a stream ends with: revisions are contiguous from 0, so this is also its count. */
export interface StreamEnd {
  readonly lastRevision: number;
  readonly lastEventId: string;
}

/** Reads at most this many streams from the target at once: enough to hide latency, gentle on the server. */
const PARALLEL_READS = 8;

/**
 * Reads back the last event of each copied stream from the target and compares its revision
 * (the stream's count) and id with the source's. Catches what appends cannot: events the target
 * holds beyond the source's, or a stream changed behind the migration's back.
 */
export async function verifyStreams(
  target: EventStore,
  streams: Iterable<[string, StreamEnd]>,
  retry: RetryPolicy,
  onVerified: (count: number) => void,
): Promise<VerifyMismatch[]> {
  const mismatches: VerifyMismatch[] = [];
  const queue = streams[Symbol.iterator]();
  let verified = 0;
  const worker = async () => {
    for (let next = queue.next(); !next.done; next = queue.next()) {
      const [streamId, expected] = next.value;
      const mismatch = await verifyStream(target, streamId, expected, retry);
      if (mismatch) mismatches.push(mismatch);
      onVerified(++verified);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
  return mismatches.sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
}

async function verifyStream(target: EventStore, streamId: string, expected: StreamEnd, retry: RetryPolicy): Promise<VerifyMismatch | undefined> {
  const [last] = await collectWithRetries(() => target.readStream(streamId, { direction: 'backwards', maxCount: 1 }), retry);
  if (!last) return { streamId, message: `stream ${streamId}: missing from the target (the source has ${expected.lastRevision + 1} events)` };
  if (last.revision === expected.lastRevision && last.eventId.toLowerCase() === expected.lastEventId.toLowerCase()) return undefined;
  return {
    streamId,
    message: `stream ${streamId}: the target has ${last.revision + 1} events ending with ${last.eventId}, the source ${expected.lastRevision + 1} ending with ${expected.lastEventId}`,
  };
}
