import { describe, expect, it } from '@jest/globals';
import { type EventStore, positionFromSequence, type RecordedEvent, START, type SubscriptionHandler } from '@parcours/event-store';
import { countingProjection, readCounts } from '../../../../test/projections/support/counting-projection.js';
import { waitUntil } from '../../../../test/projections/support/harness.js';
import { tableNamer } from './projection-definition.js';
import { ProjectionRegistry } from './projection-registry.js';
import { ProjectionWorker } from './projection-worker.js';
import { ReadModelDatabase } from './read-model-database.js';

const event = (sequence: number, type = 'A'): RecordedEvent => ({
  eventId: `e-${sequence}`,
  streamId: 's',
  revision: sequence - 1,
  position: positionFromSequence(sequence),
  type,
  data: {},
  metadata: {},
  recordedAt: new Date('2024-01-01T00:00:00Z'),
});

/** A store whose subscription delivers a scripted sequence (with redeliveries), then idles until stopped. */
function scriptedStore(deliveries: RecordedEvent[]): EventStore {
  return {
    subscribeToAll(_from: string, handler: SubscriptionHandler) {
      let release = () => undefined as void;
      let stopped = false;
      const idle = new Promise<void>((resolve) => (release = resolve));
      const done = (async () => {
        for (const e of deliveries) if (!stopped) await handler.onEvent(e);
        handler.onCaughtUp?.();
        await idle;
      })();
      return {
        done,
        async stop() {
          stopped = true;
          release();
          await done.catch(() => undefined);
        },
      };
    },
  } as unknown as EventStore;
}

describe('ProjectionWorker', () => {
  it('ignores redeliveries of events at or before the last one seen (at-least-once in, exactly-once out)', async () => {
    const db = new ReadModelDatabase(':memory:');
    const registry = new ProjectionRegistry(db.connection);
    const projection = countingProjection();
    registry.install(projection);
    let caughtUpAt = START;
    const worker = new ProjectionWorker(
      scriptedStore([event(1), event(2), event(2), event(3, 'B'), event(1), event(4, 'B')]),
      registry,
      projection,
      1,
      START,
      { batchSize: 2, flushDelayMs: 1000 },
      { onCommitted: () => undefined, onCaughtUp: (checkpoint) => (caughtUpAt = checkpoint) },
    );
    await waitUntil(() => caughtUpAt !== START, 'caught up');
    await worker.stop();
    await worker.ended;
    expect(caughtUpAt).toBe(positionFromSequence(4));
    expect(readCounts(db.connection, tableNamer('counter', 1))).toEqual({ A: 2, B: 2 });
    expect(registry.checkpoint('counter', 1)).toMatchObject({ position: positionFromSequence(4), eventsApplied: 4 });
    db.close();
  });

  it('lets the event loop turn after each full batch: a catch-up delivered through microtasks does not hold the process', async () => {
    const db = new ReadModelDatabase(':memory:');
    const registry = new ProjectionRegistry(db.connection);
    const projection = countingProjection();
    registry.install(projection);
    let committed = 0;
    let caughtUp = false;
    const committedWhenTheLoopTurned: number[] = [];
    setImmediate(() => committedWhenTheLoopTurned.push(committed));
    const worker = new ProjectionWorker(
      scriptedStore(Array.from({ length: 10 }, (_, i) => event(i + 1))),
      registry,
      projection,
      1,
      START,
      { batchSize: 2, flushDelayMs: 1000 },
      { onCommitted: () => void (committed += 1), onCaughtUp: () => (caughtUp = true) },
    );
    await waitUntil(() => caughtUp, 'caught up');
    await worker.stop();
    await worker.ended;
    expect(committedWhenTheLoopTurned).toEqual([1]); // after the first of five batches, not after all of them
    expect(readCounts(db.connection, tableNamer('counter', 1))).toEqual({ A: 10 });
    db.close();
  });
});
