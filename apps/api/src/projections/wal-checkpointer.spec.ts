import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { tempDir, waitUntil } from '../../../../test/projections/support/harness.js';
import { ReadModelDatabase } from './read-model-database.js';

/** Commits about 4 MB in small transactions; returns the database file's size right after. */
function writeSomeMegabytes(db: ReadModelDatabase, path: string): number {
  db.connection.exec('CREATE TABLE filler (text TEXT NOT NULL)');
  const insert = db.connection.prepare('INSERT INTO filler (text) VALUES (?)');
  for (let i = 0; i < 40; i++) db.connection.transaction(() => insert.run('x'.repeat(100_000)))();
  return statSync(path).size;
}

/** A read-model database with about 4 MB committed, once its checkpointer thread has copied them into the file. */
async function checkpointedDatabase(path: string): Promise<ReadModelDatabase> {
  const db = new ReadModelDatabase(path);
  writeSomeMegabytes(db, path);
  // Far below the connection's own threshold: only the checkpointer thread moves pages into the file.
  await waitUntil(() => statSync(path).size > 4_000_000, 'pages checkpointed into the database file');
  return db;
}

const walFilesOf = (path: string) => [existsSync(`${path}-wal`), existsSync(`${path}-shm`)];

describe('background WAL checkpoints of the read-model database', () => {
  it('copies committed pages into the database file from another thread, the committing connection never checkpointing', async () => {
    const tmp = tempDir();
    try {
      (await checkpointedDatabase(tmp.dbPath)).close();
    } finally {
      tmp.remove();
    }
  });

  it('without it, the pages stay in the WAL until SQLite’s own threshold', async () => {
    const tmp = tempDir();
    try {
      const db = new ReadModelDatabase(tmp.dbPath, 'NORMAL', { backgroundCheckpoints: false });
      db.connection.pragma('wal_autocheckpoint = 16384');
      writeSomeMegabytes(db, tmp.dbPath);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(statSync(tmp.dbPath).size).toBeLessThan(1_000_000);
      db.close();
    } finally {
      tmp.remove();
    }
  });

  it('is closed when close() returns: the connection closed last removes the WAL files, and none comes back', async () => {
    const tmp = tempDir();
    try {
      // The thread has its connection open once it has checkpointed something.
      (await checkpointedDatabase(tmp.dbPath)).close();
      expect(walFilesOf(tmp.dbPath)).toEqual([false, false]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(walFilesOf(tmp.dbPath)).toEqual([false, false]);
    } finally {
      tmp.remove();
    }
  });

});
