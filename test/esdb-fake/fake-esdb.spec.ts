/**
 * The fake, seen through the real client over gRPC: EventStoreDB's answers to appends (revisions,
 * positions, wrong expected versions, idempotent retries) through both append RPCs, reads of
 * streams and of `$all`, filtered subscriptions, and a node that stops and starts again.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  jsonEvent,
  START,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { startFakeEsdb, type FakeEsdb } from './index.js';

const opened: { fake: FakeEsdb; client: EventStoreDBClient }[] = [];
afterEach(async () => {
  for (const { fake, client } of opened.splice(0)) {
    await client.dispose();
    await fake.stop();
  }
});

async function open(options: Parameters<typeof startFakeEsdb>[0] = {}) {
  const fake = await startFakeEsdb(options);
  const client = EventStoreDBClient.connectionString(fake.url);
  opened.push({ fake, client });
  return { fake, client };
}

const ev = (type: string, data: Record<string, unknown> = {}) => jsonEvent({ id: randomUUID(), type, data });

async function collect<T>(read: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of read) out.push(item);
  return out;
}

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe.each([
  ['BatchAppend', true],
  ['Append', false],
])('appends through Streams.%s', (_rpc, batchAppend) => {
  it('answers revisions and growing positions; events of one write share the commit position', async () => {
    const { client } = await open({ batchAppend });
    const first = await client.appendToStream('s-1', [ev('A'), ev('B')], { expectedRevision: 'no_stream' });
    expect(first.nextExpectedRevision).toBe(1n);
    const [a, b] = await collect(client.readStream('s-1'));
    expect(b!.event!.position).toEqual(first.position);
    expect(a!.event!.position!.commit).toBe(b!.event!.position!.commit);
    expect(a!.event!.position!.prepare).toBeLessThan(b!.event!.position!.prepare);
    const second = await client.appendToStream('s-1', ev('C'), { expectedRevision: 1n });
    expect(second.position!.commit).toBeGreaterThan(first.position!.prepare);
  });

  it('answers a wrong expected version with the current revision, or no_stream', async () => {
    const { client } = await open({ batchAppend });
    await client.appendToStream('s-1', ev('A'));
    await expect(client.appendToStream('s-1', ev('B'), { expectedRevision: 'no_stream' })).rejects.toMatchObject({
      type: 'wrong-expected-version',
      actualVersion: 0n,
      expectedVersion: 'no_stream',
    });
    const error = await client.appendToStream('s-2', ev('B'), { expectedRevision: 3n }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ actualVersion: 'no_stream', expectedVersion: 3n });
    await expect(client.appendToStream('s-2', ev('B'), { expectedRevision: 'stream_exists' })).rejects.toMatchObject({ actualVersion: 'no_stream' });
  });

  it('treats a retry of the same ids as idempotent, and a partial reuse as a wrong expected version', async () => {
    const { client, fake } = await open({ batchAppend });
    const batch = [ev('A'), ev('B')];
    const first = await client.appendToStream('s-1', batch, { expectedRevision: 'no_stream' });
    await client.appendToStream('s-1', ev('C'), { expectedRevision: 1n });
    expect(await client.appendToStream('s-1', batch, { expectedRevision: 'no_stream' })).toEqual(first);
    expect(await client.appendToStream('s-1', batch, { expectedRevision: 'any' })).toEqual(first);
    await expect(client.appendToStream('s-1', [batch[0]!, ev('Z')], { expectedRevision: 'any' })).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(client.appendToStream('s-1', batch, { expectedRevision: 0n })).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(fake.log.stream('s-1').map((e) => e.type)).toEqual(['A', 'B', 'C']);
  });
});

describe('reads', () => {
  it('reads a stream by revision in both directions, and answers StreamNotFound for a missing stream', async () => {
    const { client } = await open();
    await client.appendToStream('s-1', [0, 1, 2, 3].map((n) => ev(`E${n}`)));
    const types = async (read: AsyncIterable<ResolvedEvent>) => (await collect(read)).map((e) => e.event!.type);
    expect(await types(client.readStream('s-1', { fromRevision: 1n, maxCount: 2 }))).toEqual(['E1', 'E2']);
    expect(await types(client.readStream('s-1', { fromRevision: END, direction: BACKWARDS }))).toEqual(['E3', 'E2', 'E1', 'E0']);
    expect(await types(client.readStream('s-1', { fromRevision: 1n, direction: BACKWARDS }))).toEqual(['E1', 'E0']);
    await expect(collect(client.readStream('nothing-here'))).rejects.toMatchObject({ type: 'stream-not-found' });
  });

  it('reads $all with the seeded system events, forwards from a position inclusive, backwards exclusive', async () => {
    const { client } = await open();
    await client.appendToStream('s-1', [ev('A'), ev('B'), ev('C')]);
    const all = await collect(client.readAll());
    expect(all.map((e) => e.event!.type)).toEqual(['$metadata', '$settings', 'A', 'B', 'C']);
    const b = all[3]!.event!.position;
    const types = async (read: AsyncIterable<AllStreamResolvedEvent>) => (await collect(read)).map((e) => e.event!.type);
    expect(await types(client.readAll({ fromPosition: b }))).toEqual(['B', 'C']);
    expect(await types(client.readAll({ fromPosition: b, direction: BACKWARDS, maxCount: 2 }))).toEqual(['A', '$settings']);
    expect(await types(client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }))).toEqual(['C']);
  });
});

describe('subscriptions to $all', () => {
  it('confirms, catches up strictly after the position, filters server-side, says caught up, then goes live', async () => {
    const { client, fake } = await open();
    const first = await client.appendToStream('s-1', ev('A'));
    await client.appendToStream('s-1', ev('B'));
    const seen: string[] = [];
    let caughtUpAt = -1;
    const sub = client.subscribeToAll({ fromPosition: first.position!, filter: excludeSystemEvents() });
    sub.on('caughtUp', () => (caughtUpAt = seen.length));
    sub.on('data', (e: AllStreamResolvedEvent) => seen.push(e.event!.type));
    await until(() => seen.length === 1 && caughtUpAt >= 0);
    fake.appendSystemEvent('$$s-1', '$metadata');
    await client.appendToStream('s-2', ev('C'));
    await until(() => seen.length === 2);
    expect(seen).toEqual(['B', 'C']);
    await sub.unsubscribe();
  });

  it('keeps its data across stop and start on the same port; clients reconnect', async () => {
    const { client, fake } = await open();
    await client.appendToStream('s-1', ev('A'));
    const port = fake.port;
    await fake.stop();
    await expect(collect(client.readAll({ fromPosition: START }))).rejects.toMatchObject({ type: 'unavailable' });
    await fake.start();
    expect(fake.port).toBe(port);
    await client.appendToStream('s-1', ev('B'), { expectedRevision: 0n });
    expect((await collect(client.readStream('s-1'))).map((e) => e.event!.type)).toEqual(['A', 'B']);
  });
});
