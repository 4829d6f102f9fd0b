import { type EventStore, SqliteEventStore, StoreUnavailableError } from '@parcours/event-store';
import type { AppConfig } from '../config/app-config.js';
import { EncryptingEventStore } from '../privacy/encrypting-event-store.js';
import { KeyStore } from '../privacy/key-store.js';
import { BACKSTOP_CHECKPOINT_PAGES } from '../projections/read-model-database.js';

export class StoreStartupError extends Error {
  readonly code = 'STORE_STARTUP_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreStartupError';
  }
}

/**
 * The event store as the application uses it: the configured adapter behind the crypto-shredding
 * decorator (person identity and free text sealed with per-person keys, apps/api/src/privacy).
 * Without `keys`, it opens the key store for itself and closes it with the store.
 */
export async function createEventStore(config: AppConfig, keys?: KeyStore): Promise<EventStore> {
  const raw = await createRawEventStore(config); // first: a bad store stops the start before any key file is made
  try {
    return new EncryptingEventStore(raw, keys ?? KeyStore.fromConfig(config), keys === undefined);
  } catch (error) {
    await raw.close();
    throw error;
  }
}

/**
 * Opens the event store the configuration names, and checks it answers: a wrong URL or an
 * unreachable server stops the start with a message saying which and where. (Once running, an
 * unreachable store shows as down in GET /health instead.) Raw: stored ciphertext is read and
 * written as is — for copies between stores and checks of what is at rest, never for the API.
 */
export async function createRawEventStore(config: AppConfig): Promise<EventStore> {
  if (config.store === 'sqlite') {
    // The read models live in the same file, and their database checkpoints it from a thread of its
    // own (read-model-database.ts): appends keep SQLite's own checkpoints only as a backstop, so a
    // commit does not wait for a checkpoint's syncs (the tail of the API's latencies otherwise).
    return new SqliteEventStore({ filename: config.dbPath, synchronous: config.dbSynchronous, walAutocheckpointPages: BACKSTOP_CHECKPOINT_PAGES });
  }
  // Loaded only in this mode: the gRPC client is heavy and unused on the embedded store.
  const { EsdbEventStore } = await import('@parcours/event-store/esdb');
  let store: EventStore;
  try {
    store = new EsdbEventStore({ connectionString: config.esdbUrl! });
  } catch (error) {
    throw new StoreStartupError(`PARCOURS_ESDB_URL is not a valid EventStoreDB connection string: ${(error as Error).message}`, { cause: error });
  }
  try {
    await store.ping();
  } catch (error) {
    await store.close().catch(() => undefined);
    const reason = error instanceof StoreUnavailableError ? error.message : String(error);
    throw new StoreStartupError(`EventStoreDB at ${redact(config.esdbUrl!)} is unreachable (${reason}); check PARCOURS_ESDB_URL and the server`, { cause: error });
  }
  return store;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
