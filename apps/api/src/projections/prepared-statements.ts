import type Database from 'better-sqlite3';

const caches = new WeakMap<Database.Database, Map<string, unknown>>();

/**
 * A projection's prepared statements, made once per connection and table name: batches run
 * thousands of times, and a new version's tables get their own. (SQLite re-prepares a statement
 * by itself when its table is dropped and created again by a rebuild.)
 */
export function preparedFor<T>(db: Database.Database, table: string, prepare: (db: Database.Database, table: string) => T): T {
  let byTable = caches.get(db);
  if (!byTable) caches.set(db, (byTable = new Map()));
  let prepared = byTable.get(table) as T | undefined;
  if (prepared === undefined) byTable.set(table, (prepared = prepare(db, table)));
  return prepared;
}
