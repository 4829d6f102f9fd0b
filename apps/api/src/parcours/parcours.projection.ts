import type Database from 'better-sqlite3';
import { applyToParcours, emptyParcours, PERSON_CATEGORY, summarisePerson, type ParcoursState, type PersonSummary } from '@parcours/domain';
import { categoryOf, idOf } from '@parcours/event-store';
import type { ProjectionDefinition, TableNamer } from '../projections/index.js';
import { preparedFor } from '../projections/prepared-statements.js';
import { toParcoursInput } from './person-history.js';

/**
 * The parcours read model: one row per person holding the folded parcours state (JSON), so that
 * GET /persons/:id/parcours reads one row and renders, whatever the size of the log; and beside
 * it the person's compact summary, which cohort views aggregate (costs, outcomes, sequences).
 * Version history: 1 — states; 2 — summaries added; 3 — summaries record studies resumed.
 */
export const parcoursProjection: ProjectionDefinition = {
  name: 'parcours',
  version: 3,
  createTables(db, table) {
    db.exec(`CREATE TABLE ${table('persons')} (
      person_id TEXT PRIMARY KEY,
      revision  INTEGER NOT NULL,
      state     TEXT NOT NULL
    ) STRICT;
    CREATE TABLE ${table('summaries')} (
      person_id TEXT PRIMARY KEY,
      summary   TEXT NOT NULL
    ) STRICT`);
  },
  applyBatch(db, table, events) {
    const rows = statements(db, table);
    const touched = new Map<string, ParcoursState>();
    for (const event of events) {
      if (categoryOf(event.streamId) !== PERSON_CATEGORY) continue;
      const personId = idOf(event.streamId);
      const state = touched.get(personId) ?? rows.load(personId) ?? emptyParcours(personId);
      touched.set(personId, applyToParcours(state, toParcoursInput(event)));
    }
    for (const state of touched.values()) {
      rows.save(state);
      rows.saveSummary(summarisePerson(state));
    }
  },
};

/** Reads a person's folded state from the active version's table. */
export function loadParcoursState(db: Database.Database, table: TableNamer, personId: string): ParcoursState | undefined {
  return statements(db, table).load(personId);
}

function statements(db: Database.Database, table: TableNamer) {
  return preparedFor(db, table('persons'), (connection, persons) => prepare(connection, persons, table('summaries')));
}

/** Every person's summary, for cohort views (one scan of a compact table). */
export function loadSummaries(db: Database.Database, table: TableNamer): PersonSummary[] {
  return db
    .prepare<[], { summary: string }>(`SELECT summary FROM ${table('summaries')}`)
    .all()
    .map((row) => JSON.parse(row.summary) as PersonSummary);
}

function prepare(db: Database.Database, name: string, summaries: string) {
  const select = db.prepare<[string], { state: string }>(`SELECT state FROM ${name} WHERE person_id = ?`);
  const upsert = db.prepare<[string, number, string]>(
    `INSERT INTO ${name} (person_id, revision, state) VALUES (?, ?, ?)
     ON CONFLICT (person_id) DO UPDATE SET revision = excluded.revision, state = excluded.state`,
  );
  const upsertSummary = db.prepare<[string, string]>(
    `INSERT INTO ${summaries} (person_id, summary) VALUES (?, ?) ON CONFLICT (person_id) DO UPDATE SET summary = excluded.summary`,
  );
  return {
    saveSummary(summary: PersonSummary): void {
      upsertSummary.run(summary.personId, JSON.stringify(summary));
    },
    load(personId: string): ParcoursState | undefined {
      const row = select.get(personId);
      return row ? (JSON.parse(row.state) as ParcoursState) : undefined;
    },
    save(state: ParcoursState): void {
      upsert.run(state.personId, state.revision, JSON.stringify(state));
    },
  };
}
