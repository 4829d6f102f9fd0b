import Database from 'better-sqlite3';
import type { NewEvent } from '@parcours/event-store';
import { MIGRATIONS } from '../../libs/event-store/src/sqlite/schema.js';
import { touch } from './workload.js';

/**
 * The baseline: what a hand-written minimal store does with bare better-sqlite3 statements.
 * Same file settings (WAL, synchronous=FULL) and the same table and indexes as the adapter (the
 * adapter's own migration SQL), but no validation, no revision check, no idempotency lookup, no
 * async: one plain INSERT per event inside one transaction per append, the revision supplied by
 * the caller. Reads are a plain paged `SELECT ... ORDER BY position` with JSON.parse on data.
 */
export class BaselineStore {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, string, number, string, string, string, string]>;
  private readonly page: Database.Statement<[number, number], BaselineRow>;
  private readonly appendTx: Database.Transaction<(streamId: string, events: readonly NewEvent[], current: number) => number>;

  /** `create`: a fresh file, given the schema; otherwise an existing events table is read. */
  constructor(filename: string, create: boolean) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    if (create) {
      for (const migration of MIGRATIONS) this.db.exec(migration.sql);
      this.db.pragma(`user_version = ${MIGRATIONS[MIGRATIONS.length - 1]!.version}`);
    }
    this.insert = this.db.prepare(
      'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.page = this.db.prepare(
      'SELECT position, event_id, stream_id, revision, type, data, metadata, recorded_at FROM events WHERE position > ? ORDER BY position LIMIT ?',
    );
    this.appendTx = this.db.transaction((streamId: string, events: readonly NewEvent[], current: number) => {
      const recordedAt = new Date().toISOString();
      let revision = current;
      for (const event of events) {
        revision += 1;
        this.insert.run(event.eventId, streamId, revision, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata ?? {}), recordedAt);
      }
      return revision;
    });
  }

  /** Appends after the caller's `current` revision (-1: new stream); returns the new last revision. */
  append(streamId: string, events: readonly NewEvent[], current: number): number {
    return this.appendTx(streamId, events, current);
  }

  /** Reads the whole log in pages of `pageSize`; returns the event count and the touch checksum. */
  readAll(pageSize = 1000): { count: number; checksum: number } {
    let count = 0;
    let checksum = 0;
    let after = 0;
    for (;;) {
      const rows = this.page.all(after, pageSize);
      for (const row of rows) {
        checksum += touch(JSON.parse(row.data) as Parameters<typeof touch>[0]);
        count += 1;
      }
      if (rows.length < pageSize) return { count, checksum };
      after = rows[rows.length - 1]!.position;
    }
  }

  close(): void {
    this.db.close();
  }
}

export interface BaselineRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}
