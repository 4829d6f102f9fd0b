import { describe, expect, it } from '@jest/globals';
import { type EventStore, positionFromSequence, type RecordedEvent, START, type SubscriptionHandler } from '@parcours/event-store';
import { waitUntil } from '../../../../test/projections/support/harness.js';
import type { ProjectionDefinition } from './projection-definition.js';
import { ProjectionRegistry } from './projection-registry.js';
import { ProjectionWorker } from './projection-worker.js';
import { ReadModelDatabase } from './read-model-database.js';

const event = (sequence: number): RecordedEvent => ({
  eventId: `e-${sequence}`,
  streamId: 's',
  revision: sequence - 1,
  position: positionFromSequence(sequence),
  type: 'A',
  data: {},
  metadata: {},
  recordedAt: new Date('2024-01-01T00:00:00Z'),
});

/** Delivers the catch-up, reports caught up, then delivers live events at once (while the session finishes). */
function storeWith(catchUp: RecordedEvent[], live: RecordedEvent[]): EventStore {
  return {
    subscribeToAll(_from: string, handler: SubscriptionHandler) {
      let release = () => undefined as void;
      const idle = new Promise<void>((resolve) => (release = resolve));
      const done = (async () => {
        for (const e of catchUp) await handler.onEvent(e);
        handler.onCaughtUp?.();
        for (const e of live) await handler.onEvent(e);
        await idle;
      })();
      return {
        done,
        async stop() {
          release();
          await done.catch(() => undefined);
        },
      };
    },
  } as unknown as EventStore;
}

/** A projection that records what the runner asked of it, in order, and whether it was in a transaction. */
function recordingProjection(steps: number, failOnStep?: number) {
  const log: string[] = [];
  const definition: ProjectionDefinition = {
    name: 'recorder',
    version: 1,
    createTables: () => undefined,
    applyBatch: (db, _table, events) => void log.push(`live ${events.map((e) => e.eventId).join(',')}${db.inTransaction ? '' : ' (no transaction)'}`),
    catchUp: (db) => {
      let step = 0;
      return {
        applyBatch: (events) => void log.push(`session ${events.map((e) => e.eventId).join(',')}${db.inTransaction ? '' : ' (no transaction)'}`),
        finishStep: () => {
          step += 1;
          if (step === failOnStep) throw new Error(`step ${step} failed`);
          log.push(`finish ${step}${db.inTransaction ? '' : ' (no transaction)'}`);
          setImmediate(() => log.push('loop turned'));
          return step === steps;
        },
      };
    },
  };
  return { definition, log };
}

function start(definition: ProjectionDefinition, store: EventStore, onCaughtUp: () => void) {
  const db = new ReadModelDatabase(':memory:');
  const registry = new ProjectionRegistry(db.connection);
  registry.install(definition);
  const worker = new ProjectionWorker(store, registry, definition, 1, START, { batchSize: 2, flushDelayMs: 1000 }, { onCommitted: () => undefined, onCaughtUp });
  return { db, registry, worker };
}

describe('ProjectionWorker with a catch-up session', () => {
  it('feeds the catch-up to the session, finishes it step by step, then applies what came live, and only then reports caught up', async () => {
    const { definition, log } = recordingProjection(3);
    let caughtUp = false;
    const { db, registry, worker } = start(definition, storeWith([1, 2, 3, 4, 5].map(event), [6, 7].map(event)), () => {
      log.push('caught up');
      caughtUp = true;
    });
    await waitUntil(() => caughtUp, 'caught up');
    await worker.stop();
    await worker.ended;
    expect(log.slice(0, log.indexOf('caught up') + 1)).toEqual([
      'session e-1,e-2',
      'session e-3,e-4',
      'session e-5',
      'finish 1',
      'loop turned',
      'finish 2',
      'loop turned',
      'finish 3',
      'live e-6,e-7',
      'caught up',
    ]);
    expect(registry.checkpoint('recorder', 1)).toMatchObject({ position: positionFromSequence(7), eventsApplied: 7 });
    db.close();
  });

  it('fails the worker when a step fails: nothing after it is applied, and it never reports caught up', async () => {
    const { definition, log } = recordingProjection(3, 2);
    let caughtUp = false;
    const { db, registry, worker } = start(definition, storeWith([1, 2, 3].map(event), [4].map(event)), () => (caughtUp = true));
    await expect(worker.ended).rejects.toThrow('step 2 failed');
    expect(caughtUp).toBe(false);
    expect(log.filter((l) => l !== 'loop turned')).toEqual(['session e-1,e-2', 'session e-3', 'finish 1']);
    expect(registry.checkpoint('recorder', 1).position).toBe(positionFromSequence(3));
    db.close();
  });

  it('refuses to finish when another process moved the checkpoint (the same guard as batches)', async () => {
    const { definition, log } = recordingProjection(2);
    const { db, registry, worker } = start(definition, storeWith([1, 2].map(event), []), () => undefined);
    const moved = registry.commitBatch.bind(registry);
    // Another process commits a batch of its own between our last batch and the first step.
    registry.commitBatch = (...args) => {
      moved(...args);
      db.connection.prepare('UPDATE projection_checkpoints SET position = ? WHERE name = ?').run(positionFromSequence(9), 'recorder');
    };
    await expect(worker.ended).rejects.toThrow(/another process moved it/);
    expect(log).toEqual(['session e-1,e-2']);
    db.close();
  });
});
