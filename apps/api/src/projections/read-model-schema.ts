import type Database from 'better-sqlite3';

/**
 * Versioned migrations of the read-model bookkeeping (registry and checkpoints), applied in order
 * at start-up. `PRAGMA user_version` is not used: in `sqlite` mode the event store shares this
 * file and owns that pragma, so the applied versions are rows of `read_model_migrations`.
 * Never edit a released migration: add one. Projections' own tables are not migrated here: a
 * projection changes its tables by bumping its version (rebuild, then swap).
 */
export const READ_MODEL_MIGRATIONS: readonly { version: number; description: string; sql: string }[] = [
  {
    version: 1,
    description: 'projection registry (active and building versions) and per-version checkpoints',
    sql: `
      CREATE TABLE projection_registry (
        name             TEXT    PRIMARY KEY,
        active_version   INTEGER NOT NULL,        -- the version queries read
        building_version INTEGER,                 -- a newer version being built from the start
        last_error       TEXT,                    -- the last failure of applyBatch, for operators
        last_error_at    TEXT,
        created_at       TEXT    NOT NULL,
        updated_at       TEXT    NOT NULL
      ) STRICT;
      CREATE TABLE projection_checkpoints (
        name             TEXT    NOT NULL,
        version          INTEGER NOT NULL,
        position         TEXT    NOT NULL,        -- the last event applied (START: none yet)
        last_recorded_at TEXT,                    -- recordedAt of that event, for the lag in seconds
        events_applied   INTEGER NOT NULL DEFAULT 0,
        started_at       TEXT    NOT NULL,
        updated_at       TEXT    NOT NULL,
        PRIMARY KEY (name, version)
      ) STRICT;
    `,
  },
  {
    version: 2,
    description: 'which event store the checkpoints are positions of',
    sql: `
      CREATE TABLE read_model_source (
        id     INTEGER PRIMARY KEY CHECK (id = 1),
        source TEXT    NOT NULL                  -- e.g. sqlite:/data/parcours.sqlite, esdb:host:2113
      ) STRICT;
    `,
  },
];

export function migrateReadModels(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS read_model_migrations (
    version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const latest = READ_MODEL_MIGRATIONS[READ_MODEL_MIGRATIONS.length - 1]?.version ?? 0;
  const applied = () => (db.prepare('SELECT coalesce(max(version), 0) AS v FROM read_model_migrations').get() as { v: number }).v;
  if (applied() > latest) {
    throw new Error(`Read-model schema version ${applied()} is newer than this program knows (${latest}): upgrade Parcours`);
  }
  for (const migration of READ_MODEL_MIGRATIONS) {
    // IMMEDIATE, and checked again inside: another process may be migrating the same file.
    db.transaction(() => {
      if (applied() >= migration.version) return;
      db.exec(migration.sql);
      db.prepare('INSERT INTO read_model_migrations (version, description, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.description,
        new Date().toISOString(),
      );
    }).immediate();
  }
}
