import type Database from 'better-sqlite3';

/**
 * Versioned schema migrations, applied in order at start-up. `PRAGMA user_version` records the
 * last one applied; each runs in its own transaction. Never edit a released migration: add one.
 * The schema is described in docs/event-store-sqlite.md.
 */
export const MIGRATIONS: readonly { version: number; description: string; sql: string }[] = [
  {
    version: 1,
    description: 'events table: global sequence, per-stream revision, unique event id',
    sql: `
      CREATE TABLE events (
        position    INTEGER PRIMARY KEY,          -- global order ($all); assigned at commit
        event_id    TEXT    NOT NULL,
        stream_id   TEXT    NOT NULL,
        revision    INTEGER NOT NULL,             -- 0-based index within the stream
        type        TEXT    NOT NULL,
        data        TEXT    NOT NULL,             -- JSON object
        metadata    TEXT    NOT NULL,             -- JSON object
        recorded_at TEXT    NOT NULL              -- ISO 8601, UTC, milliseconds
      ) STRICT;
      CREATE UNIQUE INDEX events_event_id ON events (event_id);
      CREATE UNIQUE INDEX events_stream_revision ON events (stream_id, revision);
    `,
  },
];

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new Error(`Database schema version ${current} is newer than this program knows (${latest}): upgrade Parcours`);
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}
