import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../event-store.contract.js';
import { SqliteEventStore } from './sqlite-event-store.js';

describeEventStoreContract('SQLite (better-sqlite3, WAL, synchronous=FULL)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-store-'));
  const filename = join(dir, 'events.sqlite');
  const connections: SqliteEventStore[] = [];
  const connect = async () => {
    const store = new SqliteEventStore({ filename, pollMs: 20 });
    connections.push(store);
    return store;
  };
  return {
    store: await connect(),
    connect,
    dispose: async () => {
      await Promise.all(connections.map((c) => c.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
