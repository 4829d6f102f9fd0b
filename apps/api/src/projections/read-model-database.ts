import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { AppConfig } from '../config/app-config.js';
import { migrateReadModels } from './read-model-schema.js';

/**
 * The connection to the read models: the local SQLite file of `config.dbPath`, in both store
 * modes (in `sqlite` mode the event store has its own connection to the same file). One
 * connection serves the runner's writes and the queries' reads: better-sqlite3 is synchronous, so
 * a query never sees half a batch. Closed by ProjectionsModule after the runner has stopped.
 */
export class ReadModelDatabase {
  readonly connection: Database.Database;

  constructor(filename: string, synchronous: AppConfig['dbSynchronous'] = 'FULL') {
    if (filename !== ':memory:') mkdirSync(dirname(resolve(filename)), { recursive: true });
    this.connection = new Database(filename);
    this.connection.pragma('journal_mode = WAL');
    this.connection.pragma(`synchronous = ${synchronous}`);
    // The event store (and other processes) write to the same file: wait for the lock, not fail.
    this.connection.pragma('busy_timeout = 5000');
    migrateReadModels(this.connection);
  }

  static fromConfig(config: AppConfig): ReadModelDatabase {
    return new ReadModelDatabase(config.dbPath, config.dbSynchronous);
  }

  get isOpen(): boolean {
    return this.connection.open;
  }

  close(): void {
    if (this.connection.open) this.connection.close();
  }
}
