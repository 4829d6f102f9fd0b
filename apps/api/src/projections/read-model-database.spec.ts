import { describe, expect, it } from '@jest/globals';
import { SqliteEventStore } from '@parcours/event-store';
import { tempDir } from '../../../../test/projections/support/harness.js';
import { ReadModelDatabase } from './read-model-database.js';
import { READ_MODEL_MIGRATIONS } from './read-model-schema.js';

describe('ReadModelDatabase', () => {
  it('migrates its own tables without touching user_version, which the event store owns on the same file', async () => {
    const tmp = tempDir();
    try {
      const store = new SqliteEventStore({ filename: tmp.dbPath });
      const first = new ReadModelDatabase(tmp.dbPath, 'NORMAL');
      const versions = first.connection.prepare('SELECT version FROM read_model_migrations').all();
      expect(versions).toEqual(READ_MODEL_MIGRATIONS.map((m) => ({ version: m.version })));
      expect(first.connection.pragma('user_version', { simple: true })).toBe(1);
      expect(first.connection.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(first.connection.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      first.close();
      first.close(); // idempotent

      const again = new ReadModelDatabase(tmp.dbPath);
      expect(again.connection.prepare('SELECT count(*) AS n FROM read_model_migrations').get()).toEqual({ n: READ_MODEL_MIGRATIONS.length });
      again.close();
      expect(again.isOpen).toBe(false);
      await store.close();
    } finally {
      tmp.remove();
    }
  });

  it('refuses a file migrated by a newer program', () => {
    const tmp = tempDir();
    try {
      const db = new ReadModelDatabase(tmp.dbPath);
      db.connection.prepare("INSERT INTO read_model_migrations VALUES (999, 'future', '2999-01-01')").run();
      db.close();
      expect(() => new ReadModelDatabase(tmp.dbPath)).toThrow(/newer than this program knows/);
    } finally {
      tmp.remove();
    }
  });
});
