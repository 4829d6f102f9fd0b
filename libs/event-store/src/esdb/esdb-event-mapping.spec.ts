/**
 * How EventStoreDB's events map onto the port's: system events kept out of sight, and the
 * recording time carried in metadata. Over real gRPC against the fake node (test/esdb-fake).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { InvalidAppendError } from '../errors.js';
import type { ReadAllOptions, RecordedEvent } from '../event-store.port.js';
import { START } from '../position.js';
import { cleanUp, collect, event, fakeNode, storeOn, until } from './esdb-test-support.js';

afterEach(cleanUp);

describe('system events', () => {
  async function interleaved() {
    const fake = await fakeNode(); // seeded with `$$$scavenges` and `$settings` events
    const store = storeOn(fake.url, { pageSize: 2 }); // small pages: system events straddle them
    await store.append('test-1', [event('A')], 'no_stream');
    const x = fake.appendSystemEvent('$$test-1', '$metadata', { $maxCount: 10 });
    fake.appendSystemEvent('$ce-test', 'SomethingHappened'); // ordinary type, system stream
    await store.append('test-1', [event('B')], 0);
    fake.appendSystemEvent('test-1', '$>'); // system type (a link), ordinary stream
    await store.append('test-2', [event('C')], 'no_stream');
    const y = fake.appendSystemEvent('$stats-127.0.0.1:2113', '$statsCollected');
    return { fake, store, x, y };
  }
  const types = (events: RecordedEvent[]) => events.map((e) => e.type);
  const at = (e: { commit: bigint; prepare: bigint }) =>
    `${e.commit.toString(16).padStart(16, '0')}-${e.prepare.toString(16).padStart(16, '0')}`;

  it('are left out of readAll in both directions, and do not count against maxCount', async () => {
    const { store, x, y } = await interleaved();
    const read = async (options: ReadAllOptions) => types(await collect(store.readAll(options)));
    expect(await read({})).toEqual(['A', 'B', 'C']);
    expect(await read({ direction: 'backwards' })).toEqual(['C', 'B', 'A']);
    expect(await read({ maxCount: 2 })).toEqual(['A', 'B']);
    expect(await read({ fromPosition: at(x) })).toEqual(['B', 'C']);
    expect(await read({ fromPosition: at(y), direction: 'backwards', maxCount: 2 })).toEqual(['C', 'B']);
  });

  it('are not the head: headPosition is the last event of a user stream', async () => {
    const { store } = await interleaved();
    const [c] = await collect(store.readAll({ direction: 'backwards', maxCount: 1 }));
    expect(await store.headPosition()).toBe(c!.position);
  });

  it('are not delivered to subscriptions, neither during catch-up nor live', async () => {
    const { fake, store } = await interleaved();
    const seen: string[] = [];
    let caughtUpAfter = -1;
    const sub = store.subscribeToAll(START, { onEvent: (e) => void seen.push(e.type), onCaughtUp: () => (caughtUpAfter = seen.length) });
    await until(() => caughtUpAfter === 3);
    fake.appendSystemEvent('$$test-2', '$metadata');
    fake.appendSystemEvent('$ce-test', 'SomethingHappened');
    await store.append('test-2', [event('D')], 0);
    await until(() => seen.length === 4);
    expect(seen).toEqual(['A', 'B', 'C', 'D']);
    await sub.stop();
  });
});

describe('recording time in metadata', () => {
  it('writes $recordedAt into the stored metadata, and takes it out again on every read', async () => {
    const fake = await fakeNode();
    const store = storeOn(fake.url, { clock: () => new Date('2020-02-03T04:05:06.789Z') });
    await store.append('test-1', [event('A', { metadata: { userId: 'u1' } })], 'no_stream');
    const stored = JSON.parse(Buffer.from(fake.log.stream('test-1')[0]!.customMetadata).toString('utf8'));
    expect(stored).toEqual({ userId: 'u1', $recordedAt: '2020-02-03T04:05:06.789Z' });

    const seen: RecordedEvent[] = [];
    const sub = store.subscribeToAll(START, { onEvent: (e) => void seen.push(e) });
    await until(() => seen.length === 1);
    await sub.stop();
    for (const read of [...(await collect(store.readStream('test-1'))), ...(await collect(store.readAll())), ...seen]) {
      expect(read.metadata).toEqual({ userId: 'u1' });
      expect(read.recordedAt.toISOString()).toBe('2020-02-03T04:05:06.789Z');
    }
  });

  it("falls back to the server's created time for events written without it (by another tool)", async () => {
    const fake = await fakeNode({ clock: () => new Date('2019-09-09T09:09:09.999Z') });
    const store = storeOn(fake.url);
    fake.appendSystemEvent('test-foreign', 'WrittenElsewhere', { a: 1 });
    const [read] = await collect(store.readStream('test-foreign'));
    expect(read).toMatchObject({ type: 'WrittenElsewhere', data: { a: 1 }, metadata: {} });
    expect(read!.recordedAt.toISOString()).toBe('2019-09-09T09:09:09.999Z');
  });

  it('rejects caller metadata that uses the reserved key', async () => {
    const fake = await fakeNode();
    const store = storeOn(fake.url);
    await expect(store.append('test-1', [event('A', { metadata: { $recordedAt: 'x' } })], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
  });
});
