/**
 * The shared contract, over real gRPC:
 * - against the fake EventStoreDB node (test/esdb-fake), a fresh one per test, with and without
 *   BatchAppend (servers before 21.10 only have Streams.Append);
 * - against one fake node shared by every test and holding other data, as a real server is;
 * - against a real server when PARCOURS_ESDB_URL is set (e.g. esdb://localhost:2113?tls=false).
 * On a shared server each test sees `$all` only from where it started (see `sinceBaseline`).
 */
import { afterAll, describe, it } from '@jest/globals';
import { startFakeEsdb, type FakeEsdb } from '../../../../test/esdb-fake/index.js';
import { describeEventStoreContract, type ContractFactory, type ContractStorage } from '../event-store.contract.js';
import type { EventStore } from '../event-store.port.js';
import { EsdbEventStore } from './esdb-event-store.js';
import { event, sinceBaseline } from './esdb-test-support.js';

const connectTo = (url: string) => new EsdbEventStore({ connectionString: url, reconnect: { initialDelayMs: 20, maxDelayMs: 200 } });

async function storage(connect: () => Promise<EventStore>, onDispose: () => Promise<void>): Promise<ContractStorage> {
  const connections: EventStore[] = [];
  const tracked = async () => {
    const store = await connect();
    connections.push(store);
    return store;
  };
  return {
    store: await tracked(),
    connect: tracked,
    dispose: async () => {
      await Promise.all(connections.map((c) => c.close()));
      await onDispose();
    },
  };
}

/** A storage per test on a server shared by all of them: `$all` seen from the test's start. */
function sharedServer(url: () => Promise<string>): ContractFactory {
  return async () => {
    const at = await url();
    const probe = connectTo(at);
    const baseline = await probe.headPosition().finally(() => probe.close());
    return storage(async () => sinceBaseline(connectTo(at), baseline), async () => undefined);
  };
}

describeEventStoreContract('EventStoreDB (fake gRPC server)', async () => {
  const fake = await startFakeEsdb();
  return storage(async () => connectTo(fake.url), () => fake.stop());
});

describeEventStoreContract('EventStoreDB (fake gRPC server without BatchAppend)', async () => {
  const fake = await startFakeEsdb({ batchAppend: false });
  return storage(async () => connectTo(fake.url), () => fake.stop());
});

let shared: Promise<FakeEsdb> | undefined;
afterAll(async () => (await shared)?.stop());
describeEventStoreContract(
  'EventStoreDB (one fake gRPC server shared by every test, with other data)',
  sharedServer(async () => {
    shared ??= startFakeEsdb().then(async (fake) => {
      const other = connectTo(fake.url);
      await other.append('other-1', [event('WrittenBefore'), event('WrittenBefore')], 'no_stream');
      await other.close();
      return fake;
    });
    return (await shared).url;
  }),
);

const realUrl = process.env['PARCOURS_ESDB_URL'];
if (realUrl) {
  describeEventStoreContract('EventStoreDB (real server at PARCOURS_ESDB_URL)', sharedServer(async () => realUrl));
} else {
  describe('event store contract: EventStoreDB (real server)', () => {
    it.skip('PARCOURS_ESDB_URL not set: real EventStoreDB contract skipped', () => undefined);
  });
}
