import type Database from 'better-sqlite3';
import type { ParcoursInput } from '@parcours/domain';
import type { TableNamer } from '../projections/index.js';
import { preparedFor } from '../projections/prepared-statements.js';
import { decodeInputs, encodeInputs } from './parcours-inputs.js';

/**
 * The parcours read model's tables (version 4):
 * - `segments`: each person's parcours inputs (upcast events, with revision and recording time),
 *   appended as one row per person per batch — a new event writes its own bytes only, never the
 *   person's whole path again; the state is their fold (`draftOf`);
 * - `summaries`: each person's summary for the cohort views, in its compact stored form
 *   (summary-codec.ts in the domain);
 * - `stale`: persons whose summary lags their segments. A catch-up defers summaries (a person's
 *   events come in many batches) and marks them here in the batch's transaction, so a crash or a
 *   reader in the meantime knows which summaries to recompute.
 */
export function createParcoursTables(db: Database.Database, table: TableNamer): void {
  db.exec(`CREATE TABLE ${table('segments')} (
      person_id      TEXT    NOT NULL,
      first_revision INTEGER NOT NULL,
      last_revision  INTEGER NOT NULL,
      inputs         TEXT    NOT NULL  -- JSON array of [eventId, revision, type, recordedAt, data]
    ) STRICT;
    CREATE UNIQUE INDEX ${table('segments_by_person')} ON ${table('segments')} (person_id, first_revision);
    CREATE TABLE ${table('summaries')} (
      person_id TEXT    PRIMARY KEY,
      revision  INTEGER NOT NULL,
      summary   TEXT    NOT NULL  -- JSON of encodeSummary(summary)
    ) STRICT;
    CREATE TABLE ${table('stale')} (person_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID`);
}

export type ParcoursRows = ReturnType<typeof prepare>;

/** The statements of one version's tables, prepared once per connection. */
export function parcoursRows(db: Database.Database, table: TableNamer): ParcoursRows {
  return preparedFor(db, table('segments'), () => prepare(db, table));
}

function prepare(db: Database.Database, table: TableNamer) {
  const segments = table('segments');
  const summaries = table('summaries');
  const stale = table('stale');
  const select = db.prepare<[string], string>(`SELECT inputs FROM ${segments} WHERE person_id = ? ORDER BY first_revision`).pluck();
  const insert = db.prepare<[string, number, number, string]>(`INSERT INTO ${segments} (person_id, first_revision, last_revision, inputs) VALUES (?, ?, ?, ?)`);
  const last = db.prepare<[string], number>(`SELECT last_revision FROM ${segments} WHERE person_id = ? ORDER BY first_revision DESC LIMIT 1`).pluck();
  const drop = db.prepare<[string]>(`DELETE FROM ${segments} WHERE person_id = ?`);
  const upsertSummary = db.prepare<[string, number, string]>(
    `INSERT INTO ${summaries} (person_id, revision, summary) VALUES (?, ?, ?)
     ON CONFLICT (person_id) DO UPDATE SET revision = excluded.revision, summary = excluded.summary`,
  );
  const mark = db.prepare<[string]>(`INSERT OR IGNORE INTO ${stale} (person_id) VALUES (?)`);
  const unmark = db.prepare<[string]>(`DELETE FROM ${stale} WHERE person_id = ?`);
  const someStale = db.prepare<[number], string>(`SELECT person_id FROM ${stale} LIMIT ?`).pluck();
  return {
    /** The person's segments (encoded inputs) in revision order; empty when the person has none. */
    segments(personId: string): string[] {
      return select.all(personId);
    },
    /** The person's inputs in revision order; empty when the person has none. */
    inputs(personId: string): ParcoursInput[] {
      const inputs: ParcoursInput[] = [];
      for (const text of select.all(personId)) decodeInputs(text, inputs);
      return inputs;
    },
    /** The revision of the person's last input; -1 when the person has none. */
    revision(personId: string): number {
      return last.get(personId) ?? -1;
    },
    /** Appends one segment; returns it as stored. */
    append(personId: string, inputs: readonly ParcoursInput[]): string {
      return this.appendSegment(personId, inputs[0]!.revision, inputs[inputs.length - 1]!.revision, encodeInputs(inputs));
    },
    /** Appends one segment already encoded (parcours-inputs.ts), holding revisions `first` to `last`; returns it. */
    appendSegment(personId: string, first: number, last: number, text: string): string {
      insert.run(personId, first, last, text);
      return text;
    },
    /** Replaces every segment of the person by one (erasure rewrites what it must not keep). */
    replace(personId: string, inputs: readonly ParcoursInput[]): string {
      drop.run(personId);
      return this.append(personId, inputs);
    },
    /** A summary in its stored form (parcours-inputs.ts) for the person at `revision`: no longer stale. */
    saveSummary(personId: string, revision: number, text: string): void {
      upsertSummary.run(personId, revision, text);
      unmark.run(personId);
    },
    markStale(personId: string): void {
      mark.run(personId);
    },
    stale(limit: number): string[] {
      return someStale.all(limit);
    },
  };
}
