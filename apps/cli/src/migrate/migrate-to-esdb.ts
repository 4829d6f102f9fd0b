import type { EventStore } from '@parcours/event-store';
import { copyBatch } from './copy-batch.js';
import type { MigrationConflict, MigrationProgress, MigrationSummary, VerifyMismatch } from './migration-summary.js';
import { DEFAULT_RETRY, type RetryPolicy, withRetries } from './retry.js';
import { type BatchLimits, DEFAULT_LIMITS, streamBatches } from './stream-batches.js';
import { type StreamEnd, verifyStreams } from './verify-migration.js';

export interface MigrateOptions {
  readonly limits?: Partial<BatchLimits>;
  /** Read back each stream's count and last event id from the target afterwards (default true). */
  readonly verify?: boolean;
  /** Told after each append and during verification; what it throws stops the migration. */
  readonly onProgress?: (progress: MigrationProgress) => void;
  readonly retry?: RetryPolicy;
}

interface StreamState extends StreamEnd {
  readonly conflicted: boolean;
}

/**
 * Copies every stream of `source` into `target` (EventStoreDB in practice; any store of the port
 * works), keeping ids, types, data, metadata and recording times, and each stream's order.
 *
 * The source is read once, in global order, one bounded batch at a time; batches are appended one
 * after the other, so the target's global order is the source's too. Each append carries the
 * exact expected revision (see copy-batch.ts): a re-run, or a run after an interrupted one, sends
 * the same appends again, the target answers those it already holds without writing, and the copy
 * goes on where it stopped. Memory grows with the number of streams (their last revision and
 * id, for the summary and verification), never with the number of events.
 */
export async function migrateToEsdb(source: EventStore, target: EventStore, options: MigrateOptions = {}): Promise<MigrationSummary> {
  const started = Date.now();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const retry = options.retry ?? DEFAULT_RETRY;
  const writtenAfter = await withRetries(() => target.headPosition(), retry);
  const streams = new Map<string, StreamState>();
  const conflicts: MigrationConflict[] = [];
  const events = { read: 0, copied: 0, alreadyThere: 0, skipped: 0 };
  const report = (phase: MigrationProgress['phase'], streamsVerified = 0) =>
    options.onProgress?.({ phase, eventsRead: events.read, copied: events.copied, alreadyThere: events.alreadyThere, conflicts: conflicts.length, streams: streams.size, streamsVerified });

  for await (const { streamId, events: batch } of streamBatches(source.readAll(), limits)) {
    events.read += batch.length;
    const last = batch[batch.length - 1]!;
    let conflicted = streams.get(streamId)?.conflicted ?? false;
    if (conflicted) {
      // The target's copy already differs before this batch: appending more would only fail, or worse, land after other events.
      events.skipped += batch.length;
    } else {
      const outcome = await copyBatch(target, streamId, batch, writtenAfter, retry);
      events.copied += outcome.copied;
      events.alreadyThere += outcome.alreadyThere;
      if (outcome.conflict) {
        conflicts.push(outcome.conflict);
        events.skipped += batch.length - outcome.copied - outcome.alreadyThere;
        conflicted = true;
      }
    }
    streams.set(streamId, { lastRevision: last.revision, lastEventId: last.eventId, conflicted });
    report('copy');
  }

  let verification: MigrationSummary['verification'];
  if (options.verify ?? true) {
    report('verify');
    // Streams in conflict are reported already; reading them back would only say so again.
    const copiedStreams = [...streams].filter(([, state]) => !state.conflicted);
    const mismatches: VerifyMismatch[] = await verifyStreams(target, copiedStreams, retry, (n) => report('verify', n));
    verification = { streams: copiedStreams.length, mismatches };
  }
  return { streams: streams.size, events, conflicts, ...(verification ? { verification } : {}), elapsedMs: Date.now() - started };
}
