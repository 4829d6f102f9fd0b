import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { NewEvent, RecordedEvent } from '../event-store.port.js';
import { GroupCommit, type Outcome } from './group-commit.js';
import { SqliteEventStore } from './sqlite-event-store.js';

const event = (type = 'Happened', data: NewEvent['data'] = { n: 1 }): NewEvent => ({ eventId: uuidv7(), type, data });
const stream = () => `test-${uuidv7()}`;

describe('GroupCommit', () => {
  const echo = (batches: number[][]) => (requests: readonly number[]): Outcome<number>[] => {
    batches.push([...requests]);
    return requests.map((n) => (n < 0 ? { ok: false, error: new Error(`refused ${n}`) } : { ok: true, value: n * 10 }));
  };

  it('writes every submission of one turn of the event loop in one batch, in order, each with its own outcome', async () => {
    const batches: number[][] = [];
    const commits = new GroupCommit(echo(batches), { maxEvents: 100, sizeOf: () => 1 });
    const results = await Promise.allSettled([1, -2, 3].map((n) => commits.submit(n)));
    expect(batches).toEqual([[1, -2, 3]]);
    expect(results).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: new Error('refused -2') },
      { status: 'fulfilled', value: 30 },
    ]);
    expect(commits.stats).toEqual({ commits: 1, appends: 3, largestBatch: 3 });
  });

  it('cuts a queue larger than maxEvents into consecutive batches, never splitting a submission', async () => {
    const batches: number[][] = [];
    const commits = new GroupCommit(echo(batches), { maxEvents: 5, sizeOf: (n) => n });
    await Promise.all([2, 2, 2, 9, 1].map((n) => commits.submit(n)));
    expect(batches).toEqual([[2, 2], [2], [9], [1]]);
  });

  it('rejects every submission of a batch whose transaction fails', async () => {
    const failure = new Error('disk I/O error');
    const commits = new GroupCommit<number, number>(() => {
      throw failure;
    }, { maxEvents: 10, sizeOf: () => 1 });
    const results = await Promise.allSettled([1, 2].map((n) => commits.submit(n)));
    expect(results).toEqual([{ status: 'rejected', reason: failure }, { status: 'rejected', reason: failure }]);
  });
});

describe('SqliteEventStore group commit', () => {
  let dir: string;
  let store: SqliteEventStore;
  const open = (maxBatchEvents?: number) => {
    dir = mkdtempSync(join(tmpdir(), 'parcours-group-commit-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), ...(maxBatchEvents ? { maxBatchEvents } : {}) });
    return store;
  };
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const read = async (s: string) => {
    const out: RecordedEvent[] = [];
    for await (const e of store.readStream(s)) out.push(e);
    return out;
  };

  it('commits 50 appends made at the same moment in one transaction', async () => {
    open();
    const results = await Promise.all(Array.from({ length: 50 }, () => store.append(stream(), [event()], 'no_stream')));
    expect(store.groupCommitStats).toEqual({ commits: 1, appends: 50, largestBatch: 50 });
    expect(new Set(results.map((r) => r.position)).size).toBe(50);
  });

  it('bounds a transaction by maxBatchEvents', async () => {
    open(10);
    await Promise.all(Array.from({ length: 50 }, () => store.append(stream(), [event()], 'any')));
    expect(store.groupCommitStats).toMatchObject({ commits: 5, appends: 50, largestBatch: 10 });
  });

  it('adds no wait to appends made one after the other: each is committed on its own', async () => {
    open();
    const s = stream();
    for (let i = 0; i < 5; i++) await store.append(s, [event()], 'any');
    expect(store.groupCommitStats).toMatchObject({ commits: 5, appends: 5 });
  });

  it('fails only the append whose data cannot be written, and commits the others of its batch', async () => {
    open();
    const [good1, bad, good2] = [stream(), stream(), stream()];
    const results = await Promise.allSettled([
      store.append(good1, [event()], 'no_stream'),
      store.append(bad, [event('Fine'), event('Broken', { n: 1n as never })], 'no_stream'), // BigInt: JSON.stringify throws
      store.append(good2, [event()], 'no_stream'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(TypeError);
    expect(store.groupCommitStats.commits).toBe(1);
    expect(await read(bad)).toEqual([]); // its first event, written before the failure, was rolled back with it
    expect(await read(good1)).toHaveLength(1);
    expect(await read(good2)).toHaveLength(1);
  });

  it('writes the appends still queued when it is closed', async () => {
    open();
    const s = stream();
    const pending = store.append(s, [event()], 'no_stream');
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextRevision: 0 });
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    expect(await read(s)).toHaveLength(1);
  });
});
