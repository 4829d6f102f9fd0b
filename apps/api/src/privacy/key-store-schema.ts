import type Database from 'better-sqlite3';

/**
 * The key store's tables. `data_keys` holds the only copy of each person's wrapped data key;
 * `erasures` holds no key material: who was erased, when, and the PersonErased event to append.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS key_store_meta (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS data_keys (
    person_id  TEXT PRIMARY KEY,
    wrapped    BLOB NOT NULL,          -- iv | tag | data key encrypted under the master key
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS erasures (
    person_id    TEXT PRIMARY KEY,
    destroyed_at TEXT NOT NULL,
    event        TEXT NOT NULL,        -- the planned PersonErased (JSON): retries append the same one
    completed_at TEXT                  -- when PersonErased was appended; NULL: still pending
  ) STRICT;
`;

/** Creates the tables, and on first creation stores the master-key check value (another process may race: first one wins). */
export function migrateKeyStore(db: Database.Database, check: () => Buffer): void {
  db.transaction(() => {
    db.exec(SCHEMA);
    db.prepare("INSERT INTO key_store_meta (name, value) VALUES ('master_key_check', ?) ON CONFLICT (name) DO NOTHING").run(check());
  }).immediate();
}

export function keyStoreStatements(db: Database.Database) {
  return {
    check: db.prepare<[], Buffer>("SELECT value FROM key_store_meta WHERE name = 'master_key_check'").pluck(),
    dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
    key: db.prepare<[string], Buffer>('SELECT wrapped FROM data_keys WHERE person_id = ?').pluck(),
    erasure: db.prepare<[string], number>('SELECT 1 FROM erasures WHERE person_id = ?').pluck(),
    createKey: db.prepare<[string, Buffer, string, string]>(
      `INSERT INTO data_keys (person_id, wrapped, created_at)
       SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM erasures WHERE person_id = ?)
       ON CONFLICT (person_id) DO NOTHING`,
    ),
    recordErasure: db.prepare<[string, string, string]>('INSERT INTO erasures (person_id, destroyed_at, event) VALUES (?, ?, ?) ON CONFLICT (person_id) DO NOTHING'),
    deleteKey: db.prepare<[string]>('DELETE FROM data_keys WHERE person_id = ?'),
    erasureRecord: db.prepare<[string], ErasureRow>('SELECT person_id, destroyed_at, event, completed_at FROM erasures WHERE person_id = ?'),
    pending: db.prepare<[], ErasureRow>('SELECT person_id, destroyed_at, event, completed_at FROM erasures WHERE completed_at IS NULL ORDER BY destroyed_at'),
    complete: db.prepare<[string, string]>('UPDATE erasures SET completed_at = ? WHERE person_id = ? AND completed_at IS NULL'),
  };
}

export type KeyStoreStatements = ReturnType<typeof keyStoreStatements>;

interface ErasureRow {
  person_id: string;
  destroyed_at: string;
  event: string;
  completed_at: string | null;
}
