/**
 * Shared set-up for the adapter's specs (not a spec itself): fake nodes and stores that are all
 * closed after each test, small waiting helpers, and a view for running the contract on a
 * server shared by every test.
 */
import { v7 as uuidv7 } from 'uuid';
import { startFakeEsdb, type FakeEsdb, type FakeEsdbOptions } from '../../../../test/esdb-fake/index.js';
import type { EventStore, NewEvent, ReadAllOptions, RecordedEvent } from '../event-store.port.js';
import { comparePositions, START, type Position } from '../position.js';
import { EsdbEventStore, type EsdbEventStoreOptions } from './esdb-event-store.js';

const cleanups: (() => Promise<void>)[] = [];

/** Call from `afterEach`: closes stores, then stops fake nodes (last opened, first closed). */
export async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}

export function onCleanUp(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

export async function fakeNode(options: FakeEsdbOptions = {}): Promise<FakeEsdb> {
  const fake = await startFakeEsdb(options);
  onCleanUp(() => fake.stop());
  return fake;
}

export function storeOn(url: string, options: Partial<EsdbEventStoreOptions> = {}): EsdbEventStore {
  const store = new EsdbEventStore({ connectionString: url, ...options });
  onCleanUp(() => store.close());
  return store;
}

export const event = (type = 'SomethingHappened', extra: Partial<NewEvent> = {}): NewEvent => ({
  eventId: uuidv7(),
  type,
  data: { n: 1 },
  ...extra,
});

export async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of iterable) out.push(e);
  return out;
}

export async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * A view of a store on a *shared* server that shows, in `$all`, only what was written after
 * `baseline`: the contract suite expects each test's storage to start empty, which one server
 * shared by every test (and maybe other users) cannot give. Streams are unique per test already;
 * this hides the rest of `$all`. Nothing else may write to the server while the suite runs.
 */
export function sinceBaseline(store: EventStore, baseline: Position): EventStore {
  const after = (position: Position) => comparePositions(position, baseline) > 0;
  return {
    append: (streamId, events, expected) => store.append(streamId, events, expected),
    readStream: (streamId, options) => store.readStream(streamId, options),
    async *readAll(options: ReadAllOptions = {}) {
      const { maxCount = Number.POSITIVE_INFINITY, fromPosition, direction = 'forwards' } = options;
      const from = direction === 'forwards' && (!fromPosition || !after(fromPosition)) ? baseline : fromPosition;
      let count = 0;
      for await (const e of store.readAll({ direction, ...(from ? { fromPosition: from } : {}) })) {
        if (count >= maxCount) return;
        if (!after(e.position)) {
          if (direction === 'forwards') continue;
          return;
        }
        yield e;
        count += 1;
      }
    },
    subscribeToAll: (from, handler) => store.subscribeToAll(after(from) ? from : baseline, handler),
    ping: () => store.ping(),
    headPosition: async () => {
      const head = await store.headPosition();
      return after(head) ? head : START;
    },
    close: () => store.close(),
  };
}
