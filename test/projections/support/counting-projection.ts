import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@parcours/event-store';
import type { ProjectionDefinition, TableNamer } from '../../../apps/api/src/projections/projection-definition.js';

/** Switches a test flips to make the projection fail, and what it has been given. */
export interface CountingControls {
  /** applyBatch throws when it reaches an event this returns true for (after writing the earlier ones). */
  failOn: ((event: RecordedEvent, indexInBatch: number) => boolean) | undefined;
  /** Events handed to applyBatch, committed or not (a rolled-back batch counts too). */
  received: number;
  batches: number[];
}

export type CountingProjection = ProjectionDefinition & { readonly controls: CountingControls };

/** A tiny projection: events counted per type, one row per type, written event by event. */
export function countingProjection(name = 'counter', version = 1): CountingProjection {
  const controls: CountingControls = { failOn: undefined, received: 0, batches: [] };
  return {
    name,
    version,
    controls,
    createTables(db, table) {
      db.exec(`CREATE TABLE ${table('counts')} (type TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT`);
    },
    applyBatch(db, table, events) {
      controls.batches.push(events.length);
      const bump = db.prepare(`INSERT INTO ${table('counts')} (type, n) VALUES (?, 1) ON CONFLICT (type) DO UPDATE SET n = n + 1`);
      events.forEach((event, i) => {
        controls.received += 1;
        if (controls.failOn?.(event, i)) throw new Error(`counting failed at ${event.position} (event ${i + 1} of the batch)`);
        bump.run(event.type);
      });
    },
  };
}

export function readCounts(db: Database.Database, table: TableNamer): Record<string, number> {
  const rows = db.prepare(`SELECT type, n FROM ${table('counts')} ORDER BY type`).all() as { type: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}
