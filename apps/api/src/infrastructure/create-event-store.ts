import { type EventStore, SqliteEventStore, StoreUnavailableError } from '@parcours/event-store';
import type { AppConfig } from '../config/app-config.js';

export class StoreStartupError extends Error {
  readonly code = 'STORE_STARTUP_FAILED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreStartupError';
  }
}

/**
 * Opens the event store the configuration names, and checks it answers: a wrong URL or an
 * unreachable server stops the start with a message saying which and where. (Once running, an
 * unreachable store shows as down in GET /health instead.)
 */
export async function createEventStore(config: AppConfig): Promise<EventStore> {
  if (config.store === 'sqlite') {
    return new SqliteEventStore({ filename: config.dbPath, synchronous: config.dbSynchronous });
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
