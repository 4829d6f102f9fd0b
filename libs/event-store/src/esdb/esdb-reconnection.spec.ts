/**
 * Subscriptions that outlive their connection: every client connection reset (during catch-up,
 * while live) or the node stopped and started again; the handler must see every event exactly
 * once, in order. Over real gRPC against the fake node (test/esdb-fake).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { StoreUnavailableError } from '../errors.js';
import type { NewEvent, RecordedEvent } from '../event-store.port.js';
import { START } from '../position.js';
import type { EsdbEventStore } from './esdb-event-store.js';
import { cleanUp, fakeNode, storeOn, until } from './esdb-test-support.js';

afterEach(cleanUp);

async function setUp(maxAttempts = Number.POSITIVE_INFINITY) {
  const fake = await fakeNode();
  const connect = () => storeOn(fake.url, { reconnect: { initialDelayMs: 10, maxDelayMs: 100, maxAttempts } });
  return { fake, store: connect(), writer: connect() };
}

const events = (n: number): NewEvent[] => Array.from({ length: n }, (_, i) => ({ eventId: uuidv7(), type: 'Numbered', data: { i } }));

/** Appends, retrying while the connection is being re-established (idempotent by event id). */
async function appendSurely(store: EsdbEventStore, streamId: string, batch: NewEvent[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await store.append(streamId, batch, 'any');
      return;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || attempt >= 50) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

describe('EsdbEventStore subscriptions across dropped connections', () => {
  it('given connections reset during catch-up, then every stored event is handled once, in order', async () => {
    const { fake, store, writer } = await setUp();
    const stored = events(300);
    for (let i = 0; i < stored.length; i += 50) await writer.append(`test-${i}`, stored.slice(i, i + 50), 'any');
    const seen: string[] = [];
    let caughtUp = 0;
    const sub = store.subscribeToAll(START, {
      onEvent: async (e: RecordedEvent) => {
        seen.push(e.eventId);
        // Cut the network while the client still holds events it received but we did not handle.
        if (seen.length % 70 === 0) await fake.dropConnections();
      },
      onCaughtUp: () => void (caughtUp += 1),
    });
    await until(() => caughtUp === 1);
    expect(seen).toEqual(stored.map((e) => e.eventId));
    expect(fake.calls.get('Read (subscription)')).toBeGreaterThanOrEqual(2); // it did resubscribe
    await sub.stop();
    await expect(sub.done).resolves.toBeUndefined();
  });

  it('given connections reset while live, then events appended afterwards arrive once, in order', async () => {
    const { fake, store, writer } = await setUp();
    const seen: string[] = [];
    const appended: string[] = [];
    const sub = store.subscribeToAll(START, { onEvent: (e) => void seen.push(e.eventId) });
    for (let round = 0; round < 4; round++) {
      const batch = events(3);
      await appendSurely(writer, 'test-live', batch);
      appended.push(...batch.map((e) => e.eventId));
      await until(() => seen.length === appended.length);
      await fake.dropConnections();
    }
    const last = events(2);
    await appendSurely(writer, 'test-live', last);
    appended.push(...last.map((e) => e.eventId));
    await until(() => seen.length === appended.length);
    expect(seen).toEqual(appended);
    expect(fake.calls.get('Read (subscription)')).toBeGreaterThanOrEqual(5); // one per drop at least
    await sub.stop();
  });

  it('given the node stops and starts again on the same port, then the subscription resumes where it was', async () => {
    const { fake, store, writer } = await setUp();
    const before = events(5);
    await writer.append('test-restart', before, 'no_stream');
    const seen: string[] = [];
    const sub = store.subscribeToAll(START, { onEvent: (e) => void seen.push(e.eventId) });
    await until(() => seen.length === 5);

    await fake.stop();
    await expect(writer.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(writer.append('test-restart', events(1), 4)).rejects.toBeInstanceOf(StoreUnavailableError);
    await fake.start();

    const after = events(4);
    await appendSurely(writer, 'test-restart', after);
    await until(() => seen.length === 9);
    expect(seen).toEqual([...before, ...after].map((e) => e.eventId));
    expect(fake.calls.get('Read (subscription)')).toBeGreaterThanOrEqual(2);
    await sub.stop();
  });

  it('given the node stays down, then the subscription gives up after its attempts with StoreUnavailableError', async () => {
    const { fake, store } = await setUp(3);
    const sub = store.subscribeToAll(START, { onEvent: () => undefined });
    await fake.stop();
    await expect(sub.done).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(sub.done).rejects.toThrow(/gave up after 3 failed attempts/);
  });

  it('given the node is down, when the subscription is stopped while waiting to retry, then it ends at once', async () => {
    const fake = await fakeNode();
    const retries: { attempt: number; delayMs: number; error: unknown }[] = [];
    const store = storeOn(fake.url, { reconnect: { initialDelayMs: 20_000, maxDelayMs: 20_000, onRetry: (retry) => void retries.push(retry) } });
    await fake.stop();
    const sub = store.subscribeToAll(START, { onEvent: () => undefined });
    await until(() => retries.length === 1); // now waiting 10 to 20 s before the next attempt
    expect(retries[0]).toMatchObject({ attempt: 1, error: expect.any(StoreUnavailableError) });
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(10_000);
    const started = Date.now();
    await sub.stop();
    await expect(sub.done).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(500);
  });
});
