import { type EventStore, SqliteEventStore } from '@parcours/event-store';
import type { AppConfig } from '../config/app-config.js';

/** Opens the event store the configuration names. */
export async function createEventStore(config: AppConfig): Promise<EventStore> {
  switch (config.store) {
    case 'sqlite':
      return new SqliteEventStore({ filename: config.dbPath, synchronous: config.dbSynchronous });
    case 'esdb':
      throw new Error('The EventStoreDB adapter is not wired yet');
  }
}
