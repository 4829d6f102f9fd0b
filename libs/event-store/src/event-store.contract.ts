/**
 * The event store contract: every adapter runs this one suite (see the `*.contract.spec.ts`
 * files). It holds the port's rules; an adapter that passes it can replace another.
 */
import { describe, expect, it, afterEach } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { EventIdConflictError, InvalidAppendError, StoreUnavailableError, WrongExpectedVersionError } from './errors.js';
import type { EventStore, NewEvent, RecordedEvent } from './event-store.port.js';
import { comparePositions, START } from './position.js';
import { plainRecordedEvent } from './lazy-event.js';

export interface ContractStorage {
  /** The store under test, on storage of its own (empty when created). */
  readonly store: EventStore;
  /** Another connection to the same storage (another client, another SQLite handle). */
  connect(): Promise<EventStore>;
  /** Frees the storage (closes servers, removes files). */
  dispose(): Promise<void>;
}

export type ContractFactory = () => Promise<ContractStorage>;

const stream = (category = 'test') => `${category}-${uuidv7()}`;
const event = (type = 'SomethingHappened', data: NewEvent['data'] = { n: 1 }, metadata?: NewEvent['metadata']): NewEvent => ({
  eventId: uuidv7(),
  type,
  data,
  ...(metadata ? { metadata } : {}),
});

async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function describeEventStoreContract(name: string, factory: ContractFactory): void {
  describe(`event store contract: ${name}`, () => {
    const opened: ContractStorage[] = [];
    const open = async () => {
      const storage = await factory();
      opened.push(storage);
      return storage;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.dispose()));
    });

    describe('append and read back', () => {
      it('given a new stream, when one event is appended, then it reads back with every field', async () => {
        const { store } = await open();
        const s = stream();
        const e = event('PersonRegistered', { pseudonym: 'Chris', birthYear: 1980, nested: { a: [1, 'b', null] } }, { userId: 'u1' });
        const before = Date.now();
        const result = await store.append(s, [e], 'no_stream');
        expect(result.nextRevision).toBe(0);
        expect(comparePositions(result.position, START)).toBeGreaterThan(0);

        const [read, ...rest] = await collect(store.readStream(s));
        expect(rest).toHaveLength(0);
        expect(read).toMatchObject({
          eventId: e.eventId,
          streamId: s,
          revision: 0,
          position: result.position,
          type: 'PersonRegistered',
          data: e.data,
          metadata: { userId: 'u1' },
        });
        expect(read!.recordedAt).toBeInstanceOf(Date);
        expect(read!.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
        expect(read!.recordedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      });

      it('given several events in one append, then they get consecutive revisions and increasing positions', async () => {
        const { store } = await open();
        const s = stream();
        const result = await store.append(s, [event('A'), event('B'), event('C')], 'no_stream');
        expect(result.nextRevision).toBe(2);
        const read = await collect(store.readStream(s));
        expect(read.map((e) => [e.type, e.revision])).toEqual([['A', 0], ['B', 1], ['C', 2]]);
        expect(read[2]!.position).toBe(result.position);
        expect(comparePositions(read[0]!.position, read[1]!.position)).toBeLessThan(0);
        expect(comparePositions(read[1]!.position, read[2]!.position)).toBeLessThan(0);
      });

      it('keeps a recording time passed in by a copy (migration), and stamps its own otherwise', async () => {
        const { store } = await open();
        const s = stream();
        const recordedAt = new Date('2012-11-05T10:11:12.345Z');
        await store.append(s, [{ ...event(), recordedAt }], 'any');
        const [read] = await collect(store.readStream(s));
        expect(read!.recordedAt.toISOString()).toBe('2012-11-05T10:11:12.345Z');
      });

      it('given no stream, when it is read, then nothing comes back', async () => {
        const { store } = await open();
        expect(await collect(store.readStream(stream()))).toEqual([]);
      });
    });

    describe('expected revision', () => {
      it('no_stream: succeeds on a new stream, fails on an existing one with the actual revision', async () => {
        const { store } = await open();
        const s = stream();
        await store.append(s, [event()], 'no_stream');
        const error = await store.append(s, [event()], 'no_stream').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', streamId: s, expected: 'no_stream', actual: 0 });
      });

      it('stream_exists: fails on a new stream with actual no_stream, succeeds once it exists', async () => {
        const { store } = await open();
        const s = stream();
        await expect(store.append(s, [event()], 'stream_exists')).rejects.toMatchObject({
          code: 'WRONG_EXPECTED_VERSION',
          expected: 'stream_exists',
          actual: 'no_stream',
        });
        await store.append(s, [event()], 'any');
        await expect(store.append(s, [event()], 'stream_exists')).resolves.toMatchObject({ nextRevision: 1 });
      });

      it('exact revision: succeeds when it matches the last revision, fails with expected and actual otherwise', async () => {
        const { store } = await open();
        const s = stream();
        await store.append(s, [event(), event()], 'no_stream');
        await expect(store.append(s, [event()], 1)).resolves.toMatchObject({ nextRevision: 2 });
        await expect(store.append(s, [event()], 1)).rejects.toMatchObject({ code: 'WRONG_EXPECTED_VERSION', expected: 1, actual: 2 });
        await expect(store.append(stream(), [event()], 0)).rejects.toMatchObject({ expected: 0, actual: 'no_stream' });
      });

      it('any: always appends at the end', async () => {
        const { store } = await open();
        const s = stream();
        await store.append(s, [event()], 'any');
        await expect(store.append(s, [event()], 'any')).resolves.toMatchObject({ nextRevision: 1 });
      });

      it('writes nothing when the expectation fails', async () => {
        const { store } = await open();
        const s = stream();
        await store.append(s, [event()], 'no_stream');
        await store.append(s, [event(), event()], 5).catch(() => undefined);
        expect(await collect(store.readStream(s))).toHaveLength(1);
      });
    });

    describe('idempotency by event id', () => {
      it('given an append, when the same events are appended again with the same expectation, then the first result comes back and nothing is written twice', async () => {
        const { store } = await open();
        const s = stream();
        const batch = [event('A'), event('B')];
        const first = await store.append(s, batch, 'no_stream');
        const again = await store.append(s, batch, 'no_stream');
        expect(again).toEqual(first);
        await store.append(s, [event('C')], 1);
        expect(await store.append(s, batch, 'no_stream')).toEqual(first); // still, after later appends
        expect(await store.append(s, batch, 'any')).toEqual(first);
        expect((await collect(store.readStream(s))).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it('given an exact-revision append, when it is retried with the same revision, then it is idempotent', async () => {
        const { store } = await open();
        const s = stream();
        await store.append(s, [event()], 'no_stream');
        const batch = [event('X')];
        const first = await store.append(s, batch, 0);
        expect(await store.append(s, batch, 0)).toEqual(first);
        expect(await collect(store.readStream(s))).toHaveLength(2);
      });

      it('rejects a batch that reuses only some stored ids, and writes none of it', async () => {
        const { store } = await open();
        const s = stream();
        const a = event('A');
        await store.append(s, [a, event('B')], 'no_stream');
        const error = await store.append(s, [a, event('Z')], 'any').catch((e: unknown) => e);
        expect(error instanceof EventIdConflictError || error instanceof WrongExpectedVersionError).toBe(true);
        expect((await collect(store.readStream(s))).map((e) => e.type)).toEqual(['A', 'B']);
      });
    });

    describe('invalid appends', () => {
      it.each([
        ['a stream name without a category', () => ['nocategory', [event()]]],
        ['an empty batch', () => [stream(), []]],
        ['an event id that is not a UUID', () => [stream(), [{ ...event(), eventId: 'not-a-uuid' }]]],
        ['the same event id twice', () => { const e = event(); return [stream(), [e, e]]; }],
        ['data that is not an object', () => [stream(), [{ ...event(), data: [1, 2] as never }]]],
      ])('rejects %s with InvalidAppendError', async (_label, make) => {
        const { store } = await open();
        const [s, events] = make() as [string, NewEvent[]];
        await expect(store.append(s, events, 'any')).rejects.toBeInstanceOf(InvalidAppendError);
      });
    });

    describe('reading', () => {
      it('reads a stream from a revision, backwards, and with a maximum count', async () => {
        const { store } = await open();
        const s = stream();
        await store.append(s, Array.from({ length: 5 }, (_, i) => event(`E${i}`)), 'no_stream');
        const types = async (o: Parameters<EventStore['readStream']>[1]) => (await collect(store.readStream(s, o))).map((e) => e.type);
        expect(await types({ fromRevision: 2 })).toEqual(['E2', 'E3', 'E4']);
        expect(await types({ direction: 'backwards' })).toEqual(['E4', 'E3', 'E2', 'E1', 'E0']);
        expect(await types({ direction: 'backwards', fromRevision: 1 })).toEqual(['E1', 'E0']);
        expect(await types({ maxCount: 2 })).toEqual(['E0', 'E1']);
        expect(await types({ fromRevision: 9 })).toEqual([]);
      });

      it('reads every stream in global order, from an inclusive position, backwards, with a maximum count', async () => {
        const { store } = await open();
        const [s1, s2] = [stream(), stream()];
        await store.append(s1, [event('A')], 'any');
        await store.append(s2, [event('B')], 'any');
        const third = await store.append(s1, [event('C')], 'any');
        await store.append(s2, [event('D')], 'any');
        const all = await collect(store.readAll());
        expect(all.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
        for (let i = 1; i < all.length; i++) expect(comparePositions(all[i - 1]!.position, all[i]!.position)).toBeLessThan(0);
        expect((await collect(store.readAll({ fromPosition: third.position }))).map((e) => e.type)).toEqual(['C', 'D']);
        expect((await collect(store.readAll({ direction: 'backwards', maxCount: 3 }))).map((e) => e.type)).toEqual(['D', 'C', 'B']);
        expect((await collect(store.readAll({ maxCount: 2 }))).map((e) => e.type)).toEqual(['A', 'B']);
        expect(await store.headPosition()).toBe(all[3]!.position);
      });

      it('reads 10,000 events back in order', async () => {
        const { store } = await open();
        const streams = Array.from({ length: 20 }, () => stream());
        const appended: string[] = [];
        for (let batch = 0; batch < 100; batch++) {
          const events = Array.from({ length: 100 }, (_, i) => event('Numbered', { n: batch * 100 + i }));
          await store.append(streams[batch % streams.length]!, events, 'any');
          appended.push(...events.map((e) => e.eventId));
        }
        const all = await collect(store.readAll());
        expect(all).toHaveLength(10_000);
        expect(all.map((e) => e.eventId)).toEqual(appended);
        expect(all.map((e) => e.data['n'])).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
        const one = await collect(store.readStream(streams[3]!));
        expect(one.map((e) => e.revision)).toEqual(Array.from({ length: 500 }, (_, i) => i));
      });

      it('starts empty: the head is START', async () => {
        const { store } = await open();
        expect(await store.headPosition()).toBe(START);
      });
    });

    describe('concurrency', () => {
      it('given two connections appending to one stream at the same revision, then exactly one wins', async () => {
        const storage = await open();
        const other = await storage.connect();
        try {
          const s = stream();
          await storage.store.append(s, [event()], 'no_stream');
          const results = await Promise.allSettled([
            storage.store.append(s, [event('FromOne')], 0),
            other.append(s, [event('FromTwo')], 0),
          ]);
          const won = results.filter((r) => r.status === 'fulfilled');
          const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(1);
          expect(lost[0]!.reason).toBeInstanceOf(WrongExpectedVersionError);
          expect(await collect(other.readStream(s))).toHaveLength(2);
        } finally {
          await other.close();
        }
      });

      it('given many concurrent appends at any revision, then every event lands once with distinct revisions', async () => {
        const storage = await open();
        const other = await storage.connect();
        try {
          const s = stream();
          await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? storage.store : other).append(s, [event()], 'any')));
          const read = await collect(storage.store.readStream(s));
          expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 40 }, (_, i) => i));
        } finally {
          await other.close();
        }
      });
    });

    // Appends made at the same moment (one connection, not awaited one by one): a store may write
    // them together (the SQLite adapter's group commit), but each keeps its own outcome.
    describe('concurrent appends on one connection', () => {
      it('gives each append its own outcome, and a refused append writes nothing while the others land', async () => {
        const { store } = await open();
        const [s1, s2, s3, s4] = [stream(), stream(), stream(), stream()];
        const existing = event('Existing');
        await store.append(s4, [existing], 'no_stream');
        const [a, c1, c2] = [event('A'), event('C1'), event('C2')];
        const results = await Promise.allSettled([
          store.append(s1, [a], 'no_stream'),
          store.append(s2, [event('B')], 7), // s2 does not exist
          store.append(s3, [c1, c2], 'no_stream'),
          store.append(s4, [event('D')], 'no_stream'), // s4 exists
          store.append(s4, [existing, event('E')], 'any'), // reuses a stored id in another batch
        ]);
        expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'rejected']);
        const [ra, rb, rc, rd, re] = results;
        expect((ra as PromiseFulfilledResult<unknown>).value).toMatchObject({ nextRevision: 0 });
        expect((rb as PromiseRejectedResult).reason).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', streamId: s2, expected: 7, actual: 'no_stream' });
        expect((rc as PromiseFulfilledResult<unknown>).value).toMatchObject({ nextRevision: 1 });
        expect((rd as PromiseRejectedResult).reason).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', streamId: s4, expected: 'no_stream', actual: 0 });
        const reused = (re as PromiseRejectedResult).reason;
        expect(reused instanceof EventIdConflictError || reused instanceof WrongExpectedVersionError).toBe(true);
        expect((await collect(store.readStream(s1))).map((e) => e.eventId)).toEqual([a.eventId]);
        expect(await collect(store.readStream(s2))).toEqual([]);
        expect((await collect(store.readStream(s3))).map((e) => e.eventId)).toEqual([c1.eventId, c2.eventId]);
        expect((await collect(store.readStream(s4))).map((e) => e.type)).toEqual(['Existing']);
      });

      it('lets exactly one of many appends at the same revision of one stream win, the others failing with the actual revision', async () => {
        const { store } = await open();
        const s = stream();
        await store.append(s, [event()], 'no_stream');
        const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => store.append(s, [event(`Try${i}`)], 0)));
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(lost).toHaveLength(7);
        for (const r of lost) expect(r.reason).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', expected: 0, actual: 1 });
        expect(await collect(store.readStream(s))).toHaveLength(2);
      });

      it("keeps each append's events contiguous in the log, its result naming its last event's position", async () => {
        const { store } = await open();
        const appends = Array.from({ length: 30 }, () => ({ s: stream(), events: [event('First'), event('Second')] }));
        const results = await Promise.all(appends.map(({ s, events }) => store.append(s, events, 'no_stream')));
        const all = await collect(store.readAll());
        expect(all).toHaveLength(60);
        for (let i = 1; i < all.length; i++) expect(comparePositions(all[i - 1]!.position, all[i]!.position)).toBeLessThan(0);
        appends.forEach(({ events }, i) => {
          const at = all.findIndex((e) => e.eventId === events[0]!.eventId);
          expect(all[at + 1]!.eventId).toBe(events[1]!.eventId);
          expect(results[i]!.position).toBe(all[at + 1]!.position);
        });
      });

      it('answers a retry sent together with its original with the same result, writing the events once', async () => {
        const { store } = await open();
        const s = stream();
        const batch = [event('A'), event('B')];
        const [first, retry, other] = await Promise.all([
          store.append(s, batch, 'no_stream'),
          store.append(s, batch, 'no_stream'),
          store.append(stream(), [event('Elsewhere')], 'no_stream'),
        ]);
        expect(retry).toEqual(first);
        expect(first.nextRevision).toBe(1);
        expect(other.nextRevision).toBe(0);
        expect((await collect(store.readStream(s))).map((e) => e.type)).toEqual(['A', 'B']);
      });
    });

    describe('catch-up subscription to all', () => {
      it('delivers stored events, signals caught-up once, then delivers live events in order', async () => {
        const { store } = await open();
        const s = stream();
        await store.append(s, [event('Old1'), event('Old2')], 'any');
        const seen: string[] = [];
        let caughtUpAfter = -1;
        let caughtUpCalls = 0;
        const sub = store.subscribeToAll(START, {
          onEvent: (e) => void seen.push(e.type),
          onCaughtUp: () => {
            caughtUpCalls += 1;
            caughtUpAfter = seen.length;
          },
        });
        await until(() => caughtUpCalls === 1);
        expect(caughtUpAfter).toBe(2);
        await store.append(s, [event('Live1')], 'any');
        await store.append(stream(), [event('Live2'), event('Live3')], 'any');
        await until(() => seen.length === 5);
        expect(seen).toEqual(['Old1', 'Old2', 'Live1', 'Live2', 'Live3']);
        expect(caughtUpCalls).toBe(1);
        await sub.stop();
        await expect(sub.done).resolves.toBeUndefined();
      });

      it('given the lazy option, delivers the same events with the same values as readAll', async () => {
        const { store } = await open();
        const s = stream();
        const recordedAt = new Date('2020-02-29T12:34:56.789Z');
        await store.append(s, [{ ...event('Copied'), metadata: { schemaVersion: 2, by: { userId: 'u' } }, recordedAt }], 'any');
        await store.append(s, [{ ...event('Nested'), data: { n: 1, deep: { list: [1, 'two', null], t: 'é"\\' } } }, event('Plain')], 'any');
        const plain = (e: RecordedEvent) => ({ ...plainRecordedEvent(e), recordedAt: e.recordedAt.toISOString() });
        const stored = (await collect(store.readAll())).filter((e) => e.streamId === s).map(plain);
        const seen: RecordedEvent[] = [];
        const sub = store.subscribeToAll(START, { onEvent: (e) => void seen.push(e) }, { lazy: true });
        await until(() => seen.filter((e) => e.streamId === s).length === 3);
        await sub.stop();
        const delivered = seen.filter((e) => e.streamId === s);
        expect(delivered.map(plain)).toEqual(stored);
        expect(delivered[0]!.metadata).toEqual({ schemaVersion: 2, by: { userId: 'u' } });
        expect(JSON.parse(JSON.stringify(delivered[1]))).toEqual(JSON.parse(JSON.stringify({ ...plainRecordedEvent(delivered[1]!), recordedAt: delivered[1]!.recordedAt })));
      });

      it('starts strictly after the given position', async () => {
        const { store } = await open();
        const first = await store.append(stream(), [event('A')], 'any');
        await store.append(stream(), [event('B')], 'any');
        const seen: string[] = [];
        const sub = store.subscribeToAll(first.position, { onEvent: (e) => void seen.push(e.type) });
        await until(() => seen.length === 1);
        await store.append(stream(), [event('C')], 'any');
        await until(() => seen.length === 2);
        expect(seen).toEqual(['B', 'C']);
        await sub.stop();
      });

      it('delivers events appended through another connection', async () => {
        const storage = await open();
        const other = await storage.connect();
        try {
          const seen: string[] = [];
          const sub = storage.store.subscribeToAll(START, { onEvent: (e) => void seen.push(e.type) });
          await other.append(stream(), [event('Elsewhere')], 'any');
          await until(() => seen.length === 1);
          await sub.stop();
        } finally {
          await other.close();
        }
      });

      it('waits for an async handler before delivering the next event', async () => {
        const { store } = await open();
        await store.append(stream(), [event('A'), event('B'), event('C')], 'any');
        let running = 0;
        let maxRunning = 0;
        const seen: string[] = [];
        const sub = store.subscribeToAll(START, {
          onEvent: async (e) => {
            running += 1;
            maxRunning = Math.max(maxRunning, running);
            await new Promise((r) => setTimeout(r, 5));
            seen.push(e.type);
            running -= 1;
          },
        });
        await until(() => seen.length === 3);
        expect(seen).toEqual(['A', 'B', 'C']);
        expect(maxRunning).toBe(1);
        await sub.stop();
      });

      it('given a handler that throws, then the subscription ends with that error and delivers nothing after it', async () => {
        const { store } = await open();
        await store.append(stream(), [event('A'), event('Poison'), event('C')], 'any');
        const seen: string[] = [];
        const boom = new Error('projection failed');
        const sub = store.subscribeToAll(START, {
          onEvent: (e) => {
            if (e.type === 'Poison') throw boom;
            seen.push(e.type);
          },
        });
        await expect(sub.done).rejects.toBe(boom);
        await new Promise((r) => setTimeout(r, 50));
        expect(seen).toEqual(['A']);
      });
    });

    describe('durability and health', () => {
      it('keeps every event after the connection is closed and another is opened', async () => {
        const storage = await open();
        const s = stream();
        await storage.store.append(s, [event('Kept', { v: 1 }), event('Kept', { v: 2 })], 'no_stream');
        await storage.store.close();
        const reopened = await storage.connect();
        try {
          const read = await collect(reopened.readStream(s));
          expect(read.map((e) => e.data)).toEqual([{ v: 1 }, { v: 2 }]);
          await expect(reopened.append(s, [event()], 1)).resolves.toMatchObject({ nextRevision: 2 });
        } finally {
          await reopened.close();
        }
      });

      it('answers ping while open and reports itself unavailable once closed', async () => {
        const storage = await open();
        await expect(storage.store.ping()).resolves.toBeUndefined();
        await storage.store.close();
        await expect(storage.store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      });
    });
  });
}
