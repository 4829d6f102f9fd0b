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

describe('the event store the read models follow', () => {
  it('given read models built on one store, when the source changes, then they are dropped so they rebuild from the new store', () => {
    const database = new ReadModelDatabase(':memory:');
    const db = database.connection;
    database.followSource('sqlite:/data/a.sqlite');
    db.exec('CREATE TABLE parcours_v2_persons (x INTEGER)');
    db.prepare("INSERT INTO projection_registry (name, active_version, created_at, updated_at) VALUES ('parcours', 2, 'now', 'now')").run();
    db.prepare("INSERT INTO projection_checkpoints (name, version, position, started_at, updated_at) VALUES ('parcours', 2, 'p', 'now', 'now')").run();
    database.followSource('sqlite:/data/a.sqlite');
    expect(db.prepare('SELECT count(*) AS n FROM projection_registry').get()).toEqual({ n: 1 });
    database.followSource('esdb:esdb://node1:2113?tls=false');
    expect(db.prepare('SELECT count(*) AS n FROM projection_registry').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM projection_checkpoints').get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'parcours_v2_persons'").get()).toEqual({ n: 0 });
    database.close();
  });
});
