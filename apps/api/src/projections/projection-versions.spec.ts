import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { positionFromSequence, type SqliteEventStore } from '@parcours/event-store';
import { countingProjection, readCounts, type CountingProjection } from '../../../../test/projections/support/counting-projection.js';
import { appendEvents, memoryLogger, openStore, tempDir, typesABC, waitUntil } from '../../../../test/projections/support/harness.js';
import { ProjectionCatalog } from './projection-catalog.js';
import { ProjectionRegistry } from './projection-registry.js';
import { ProjectionRunner } from './projection-runner.js';
import type { RebuildProgress } from './projection-slot.js';
import { ReadModelDatabase } from './read-model-database.js';

describe('ProjectionRunner versions and rebuilds', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let db: ReadModelDatabase;
  let runner: ProjectionRunner | undefined;

  beforeEach(() => {
    tmp = tempDir();
    store = openStore(tmp.dbPath);
    db = new ReadModelDatabase(tmp.dbPath);
  });
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    db.close();
    await store.close();
    tmp.remove();
  });

  const newRunner = (definition: CountingProjection) =>
    new ProjectionRunner(store, db, new ProjectionCatalog([definition]), { batchSize: 10, retryBaseMs: 10, retryMaxMs: 20, sequencePositions: true, logger: memoryLogger() });
  const counts = () => readCounts(db.connection, runner!.tableFor('counter'));
  const status = async () => (await runner!.status())[0]!;
  const tables = () => new ProjectionRegistry(db.connection).tables('counter');

  it('builds a new version into new tables while the old ones answer, then swaps and drops the old ones', async () => {
    await appendEvents(store, typesABC(60));
    runner = newRunner(countingProjection('counter', 1));
    runner.start();
    await runner.waitForPosition('counter', positionFromSequence(60), 10_000);
    await runner.stop();

    // v2 goes through its first batch, then is held back (it fails until the test lets it go).
    const v2 = countingProjection('counter', 2);
    v2.controls.failOn = (event) => event.position > positionFromSequence(10);
    runner = newRunner(v2);
    runner.start();
    await waitUntil(async () => (await status()).buildingCheckpoint === positionFromSequence(10), 'v2 has applied its first batch');
    expect(await status()).toMatchObject({ activeVersion: 1, buildingVersion: 2, checkpoint: positionFromSequence(60), lagEvents: 50 });
    expect(runner.tableFor('counter')('counts')).toBe('counter_v1_counts');
    expect(counts()).toEqual({ A: 20, B: 20, C: 20 });
    expect(tables().sort()).toEqual(['counter_v1_counts', 'counter_v2_counts']);
    // v1 no longer moves: a read-your-writes wait on the active version reports it stale.
    const appended = await appendEvents(store, ['D']);
    expect((await runner.waitForPosition('counter', appended.position, 20)).reached).toBe(false);

    v2.controls.failOn = undefined;
    await expect(runner.waitForPosition('counter', appended.position, 10_000)).resolves.toMatchObject({ reached: true });
    expect(runner.tableFor('counter')('counts')).toBe('counter_v2_counts');
    expect(counts()).toEqual({ A: 20, B: 20, C: 20, D: 1 });
    expect(tables()).toEqual(['counter_v2_counts']);
    const swapped = await status();
    expect(swapped).toMatchObject({ activeVersion: 2, state: 'live' });
    expect(swapped.buildingVersion).toBeUndefined();
  });

  it('rebuilds from START into the same counts, reporting progress, and stays live when running', async () => {
    await appendEvents(store, typesABC(95));
    runner = newRunner(countingProjection());
    runner.start();
    await runner.waitForPosition('counter', positionFromSequence(95), 10_000);
    const before = counts();

    const progress: RebuildProgress[] = [];
    const result = await runner.rebuild('counter', (p) => progress.push(p));
    expect(result).toMatchObject({ processed: 95, checkpoint: positionFromSequence(95) });
    expect(counts()).toEqual(before);
    expect(progress.at(-1)).toMatchObject({ processed: 95, total: 95 });
    expect(progress.length).toBeGreaterThanOrEqual(10);
    expect((await status()).state).toBe('live');

    const appended = await appendEvents(store, ['A']);
    await expect(runner.waitForPosition('counter', appended.position, 10_000)).resolves.toMatchObject({ reached: true });
    expect(counts()).toEqual({ ...before, A: before['A']! + 1 });
  });

  it('rebuilds without starting the runner (the CLI), and leaves it stopped', async () => {
    await appendEvents(store, typesABC(30));
    runner = newRunner(countingProjection());
    const result = await runner.rebuild('counter');
    expect(result.processed).toBe(30);
    expect(counts()).toEqual({ A: 10, B: 10, C: 10 });
    expect(runner.isRunning).toBe(false);
    expect(await status()).toMatchObject({ state: 'stopped', checkpoint: positionFromSequence(30), lagEvents: 0 });
  });

  it('rejects a rebuild whose projection fails, keeping the error in the status', async () => {
    await appendEvents(store, typesABC(5));
    const failing = countingProjection();
    failing.controls.failOn = () => true;
    runner = newRunner(failing);
    await expect(runner.rebuild('counter')).rejects.toThrow(/counting failed/);
    expect(await status()).toMatchObject({ state: 'stopped', lastError: { message: expect.stringMatching(/counting failed/) } });
  });
});
