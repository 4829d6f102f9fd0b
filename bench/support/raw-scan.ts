import Database from 'better-sqlite3';
import { touch } from './workload.js';

/**
 * bench:replay's baseline: the least a replay must do — read every event's data in log order and
 * parse it. Bare better-sqlite3, `SELECT data FROM events ORDER BY position` iterated with the
 * default (object) rows, `JSON.parse` of each data, a field looked into so parsing is not dead
 * code. No upcasting, no folding, no writes.
 */
export interface ScanResult {
  readonly events: number;
  readonly ms: number;
  readonly eventsPerSecond: number;
}

export function rawScan(file: string): ScanResult {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const statement = db.prepare<[], { data: string }>('SELECT data FROM events ORDER BY position');
    const started = performance.now();
    let events = 0;
    let checksum = 0;
    for (const row of statement.iterate()) {
      checksum += touch(JSON.parse(row.data) as Parameters<typeof touch>[0]);
      events += 1;
    }
    const ms = performance.now() - started;
    if (events > 0 && checksum === 0) throw new Error('the scan read no occurredAt: wrong file?');
    return { events, ms, eventsPerSecond: (events / ms) * 1000 };
  } finally {
    db.close();
  }
}
