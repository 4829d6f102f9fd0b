import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { AppConfig } from '../config/app-config.js';
import { migrateReadModels } from './read-model-schema.js';
import { WalCheckpointer } from './wal-checkpointer.js';

/** SQLite's own checkpoints on this connection: a backstop far above what the checkpointer lets the WAL reach. */
export const BACKSTOP_CHECKPOINT_PAGES = 16_384;

/**
 * The connection to the read models: the local SQLite file of `config.dbPath`, in both store
 * modes (in `sqlite` mode the event store has its own connection to the same file). One
 * connection serves the runner's writes and the queries' reads: better-sqlite3 is synchronous, so
 * a query never sees half a batch. Closed by ProjectionsModule after the runner has stopped.
 */
export class ReadModelDatabase {
  readonly connection: Database.Database;
  private readonly checkpointer: WalCheckpointer | undefined;

  /**
   * `synchronous = NORMAL` by default: a read-model commit lost to a power cut is not lost data,
   * since each batch commits with its checkpoint and is replayed from the log at the next start;
   * an fsync per batch was a fifth of the rebuild time. The event store keeps its own setting.
   */
  constructor(filename: string, synchronous: AppConfig['dbSynchronous'] = 'NORMAL', options: { backgroundCheckpoints?: boolean } = {}) {
    if (filename !== ':memory:') mkdirSync(dirname(resolve(filename)), { recursive: true });
    this.connection = new Database(filename);
    this.connection.pragma('journal_mode = WAL');
    this.connection.pragma(`synchronous = ${synchronous}`);
    // The event store (and other processes) write to the same file: wait for the lock, not fail.
    this.connection.pragma('busy_timeout = 5000');
    // Erasure rewrites rows holding a person's notes: freed bytes are zeroed, not left in free pages.
    this.connection.pragma('secure_delete = ON');
    migrateReadModels(this.connection);
    // Checkpoints from a thread of their own (wal-checkpointer.ts): commits never wait for a sync.
    if (filename !== ':memory:' && (options.backgroundCheckpoints ?? true)) {
      this.connection.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
      this.checkpointer = new WalCheckpointer(filename);
    }
  }

  static fromConfig(config: AppConfig): ReadModelDatabase {
    const database = new ReadModelDatabase(config.dbPath);
    database.followSource(sourceOf(config));
    return database;
  }

  /**
   * Checkpoints are positions in one event store's log: positions of another store (after a
   * migration to EventStoreDB, or a new PARCOURS_ESDB_URL) mean nothing. When the source changes,
   * every read model is dropped, and the runner rebuilds them from the new store's start.
   */
  followSource(source: string): void {
    const db = this.connection;
    const current = db.prepare<[], { source: string }>('SELECT source FROM read_model_source WHERE id = 1').get()?.source;
    if (current === source) return;
    db.transaction(() => {
      if (current !== undefined) {
        const registered = db.prepare<[], { name: string }>('SELECT name FROM projection_registry').all().map((r) => r.name);
        const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name);
        for (const table of tables) if (registered.some((name) => table.startsWith(`${name}_v`))) db.exec(`DROP TABLE IF EXISTS "${table}"`);
        db.exec('DELETE FROM projection_checkpoints; DELETE FROM projection_registry;');
      }
      db.prepare('INSERT INTO read_model_source (id, source) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET source = excluded.source').run(source);
    })();
  }

  get isOpen(): boolean {
    return this.connection.open;
  }

  close(): void {
    this.checkpointer?.stop();
    if (this.connection.open) this.connection.close();
  }
}

/** The event store the read models follow, without credentials. */
export function sourceOf(config: AppConfig): string {
  if (config.store === 'sqlite') return `sqlite:${resolve(config.dbPath)}`;
  return `esdb:${(config.esdbUrl ?? '').replace(/\/\/[^@/]*@/, '//')}`;
}
