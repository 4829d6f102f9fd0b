import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { positionFromSequence, type SqliteEventStore, START } from '@parcours/event-store';
import { countingProjection, readCounts, type CountingProjection } from '../../../../test/projections/support/counting-projection.js';
import { appendEvents, memoryLogger, openStore, tempDir, typesABC, waitUntil } from '../../../../test/projections/support/harness.js';
import { ProjectionCatalog } from './projection-catalog.js';
import { ProjectionRunner } from './projection-runner.js';
import { ReadModelDatabase } from './read-model-database.js';

describe('ProjectionRunner', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let db: ReadModelDatabase;
  let runner: ProjectionRunner | undefined;
  let logger: ReturnType<typeof memoryLogger>;

  beforeEach(() => {
    tmp = tempDir();
    store = openStore(tmp.dbPath);
    db = new ReadModelDatabase(tmp.dbPath);
    logger = memoryLogger();
  });
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    db.close();
    await store.close();
    tmp.remove();
  });

  const newRunner = (definition: CountingProjection, batchSize = 50) =>
    new ProjectionRunner(store, db, new ProjectionCatalog([definition]), { batchSize, retryBaseMs: 10, retryMaxMs: 50, sequencePositions: true, logger });
  const counts = (name = 'counter') => readCounts(db.connection, runner!.tableFor(name));
  const caughtUp = async (position = '') => {
    const head = position || (await store.headPosition());
    const result = await runner!.waitForPosition('counter', head, 10_000);
    expect(result).toEqual({ reached: true, checkpoint: expect.any(String) });
  };

  it('catches up with the log in batches, then follows live appends', async () => {
    const projection = countingProjection();
    await appendEvents(store, typesABC(120));
    runner = newRunner(projection);
    runner.start();
    await caughtUp();
    expect(counts()).toEqual({ A: 40, B: 40, C: 40 });
    expect(Math.max(...projection.controls.batches)).toBeLessThanOrEqual(50);
    await waitUntil(async () => (await runner!.status())[0]!.state === 'live', 'live');

    const appended = await appendEvents(store, ['A', 'B', 'D']);
    await caughtUp(appended.position);
    expect(counts()).toEqual({ A: 41, B: 41, C: 40, D: 1 });
    expect((await runner.status())[0]).toMatchObject({ state: 'live', checkpoint: appended.position, lagEvents: 0, lagSeconds: 0 });
  });

  it('commits a batch and its checkpoint together: a failure midway leaves neither, and the retry counts exactly once', async () => {
    const projection = countingProjection();
    await appendEvents(store, typesABC(120));
    const poison = positionFromSequence(80); // the 30th event of the second batch (51..100)
    projection.controls.failOn = (event) => event.position === poison;
    runner = newRunner(projection);
    runner.start();

    await waitUntil(async () => (await runner!.status())[0]!.state === 'failed', 'the projection has failed');
    const failed = (await runner.status())[0]!;
    expect(failed.checkpoint).toBe(positionFromSequence(50));
    expect(failed.lastError?.message).toMatch(/counting failed at 0+50-0+50 \(event 30 of the batch\)/);
    expect(counts()).toEqual({ A: 17, B: 17, C: 16 }); // the first 50 only: events 51..79 were rolled back
    expect(logger.errors[0]).toMatch(/Projection counter failed/);

    await waitUntil(() => projection.controls.received > 200, 'a few retries have failed too');
    expect(counts()).toEqual({ A: 17, B: 17, C: 16 });
    projection.controls.failOn = undefined;
    await caughtUp();
    expect(counts()).toEqual({ A: 40, B: 40, C: 40 });
    expect((await runner.status())[0]).toMatchObject({ checkpoint: positionFromSequence(120), eventsApplied: 120 });
  });

  it('recovers the same way from a failure of a live batch (committed by its timer, outside the handler)', async () => {
    const projection = countingProjection();
    runner = newRunner(projection);
    runner.start();
    await waitUntil(async () => (await runner!.status())[0]!.state === 'live', 'live on an empty log');
    projection.controls.failOn = (event) => event.type === 'X';
    await appendEvents(store, ['A', 'X']);
    await waitUntil(async () => (await runner!.status())[0]!.state === 'failed', 'the live batch has failed');
    expect(counts()).toEqual({});
    projection.controls.failOn = undefined;
    await caughtUp();
    expect(counts()).toEqual({ A: 1, X: 1 });
  });

  it('resumes from its checkpoint after a restart, without replaying what was applied', async () => {
    await appendEvents(store, typesABC(30));
    runner = newRunner(countingProjection());
    runner.start();
    await caughtUp();
    await runner.stop();
    db.close();

    await appendEvents(store, typesABC(20));
    db = new ReadModelDatabase(tmp.dbPath);
    const reopened = countingProjection();
    runner = newRunner(reopened);
    runner.start();
    await caughtUp();
    expect(reopened.controls.received).toBe(20);
    expect(counts()).toEqual({ A: 17, B: 17, C: 16 });
  });

  it('reports reached:false with the current checkpoint when the position is not reached in time', async () => {
    await appendEvents(store, ['A']);
    runner = newRunner(countingProjection());
    runner.start();
    await caughtUp();
    const far = positionFromSequence(1_000_000);
    await expect(runner.waitForPosition('counter', far, 30)).resolves.toEqual({ reached: false, checkpoint: positionFromSequence(1) });
    await expect(runner.waitForPosition('counter', START, 0)).resolves.toEqual({ reached: true, checkpoint: positionFromSequence(1) });

    const pending = runner.waitForPosition('counter', positionFromSequence(2), 10_000);
    await appendEvents(store, ['B']);
    await expect(pending).resolves.toEqual({ reached: true, checkpoint: positionFromSequence(2) });
  });
});
