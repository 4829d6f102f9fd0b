import type Database from 'better-sqlite3';
import { decodeSummary, draftOf, summarisePerson, type ParcoursState, type PersonSummary, type StoredSummary } from '@parcours/domain';
import type { ProjectionDefinition, TableNamer } from '../projections/index.js';
import { preparedFor } from '../projections/prepared-statements.js';
import { foldBatch } from './parcours-batch.js';
import { liveDraftsFor } from './live-drafts.js';
import { liveSummariesFor } from './live-summaries.js';
import { ParcoursCatchUp } from './parcours-catch-up.js';
import { createParcoursTables, parcoursRows } from './parcours-tables.js';
import { summaryWorkerUrl } from './summariser.js';

/**
 * The parcours read model: each person's parcours inputs (segments, appended batch by batch), so
 * that GET /persons/:id/parcours folds one person's rows whatever the size of the log, and each
 * person's compact summary, which cohort views aggregate (costs, outcomes, sequences).
 * Version history: 1 — states; 2 — summaries added; 3 — summaries record studies resumed;
 * 4 — inputs appended as segments instead of the whole state rewritten, summaries deferred
 * during catch-up (parcours-tables.ts).
 */
export const parcoursProjection: ProjectionDefinition = {
  name: 'parcours',
  version: 4,
  createTables: createParcoursTables,
  /**
   * Live: a few events at a time; each person touched is brought up to date — from the draft
   * kept since its last batch, or folded from its segments — and its summary asked for
   * (live-summaries.ts: on a thread of its own; an erasure's at once).
   */
  applyBatch(db, table, events) {
    const rows = parcoursRows(db, table);
    const drafts = liveDraftsFor(db, table('segments'));
    const summaries = liveSummariesFor(db, table);
    summaries.collect();
    const changes = foldBatch(rows, events, (personId) => {
      const revision = rows.revision(personId);
      const draft = drafts.take(personId, revision) ?? draftOf(personId, rows.inputs(personId));
      return { revision: draft.revision, draft };
    });
    for (const { cursor, replaced } of changes.values()) {
      const draft = cursor.draft!;
      summaries.changed(draft, { now: replaced });
      // An erasure rewrote the segments without protected fields: the draft is folded from them next time.
      if (!replaced) drafts.put(draft);
    }
  },
  catchUp(db, table) {
    // A summary thread reads the segments on its own connection: a database in memory has no file to share.
    const url = db.memory ? undefined : summaryWorkerUrl();
    return new ParcoursCatchUp(parcoursRows(db, table), { summaryWorker: url && { url, data: { filename: db.name, segments: table('segments') } } });
  },
};

/**
 * A person's folded state from the active version's tables; undefined when the person has no events there.
 * The last state loaded is kept, per connection and table, and given again while the person's last
 * revision there is the same (one indexed read): a read's access check (parcours-access-facts.ts)
 * and its query load the same person back to back, and decoding the segments twice was a tenth of
 * the request. Segments only grow with new revisions (an erasure rewrites them with its own), so
 * equal revisions mean an equal fold; callers never change the state they get.
 */
export function loadParcoursState(db: Database.Database, table: TableNamer, personId: string): ParcoursState | undefined {
  const rows = parcoursRows(db, table);
  const revision = rows.revision(personId);
  if (revision < 0) return undefined;
  const memo = preparedFor(db, `${table('segments')}#last-loaded`, (): { last?: ParcoursState } => ({}));
  if (memo.last?.personId === personId && memo.last.revision === revision) return memo.last;
  return (memo.last = draftOf(personId, rows.inputs(personId)));
}

/**
 * Every person's summary, for cohort views (one scan of a compact table). Summaries a catch-up
 * has not written yet (stale) are computed here from the segments, so that a view is always that
 * of the checkpoint.
 */
export function loadSummaries(db: Database.Database, table: TableNamer): PersonSummary[] {
  const summaries = db
    .prepare<[], string>(`SELECT summary FROM ${table('summaries')}`)
    .pluck()
    .all()
    .map((text) => decodeSummary(JSON.parse(text) as StoredSummary));
  const stale = new Set(db.prepare<[], string>(`SELECT person_id FROM ${table('stale')}`).pluck().all());
  if (stale.size === 0) return summaries;
  const rows = parcoursRows(db, table);
  const fresh = [...stale].map((personId) => summarisePerson(draftOf(personId, rows.inputs(personId))));
  return [...summaries.filter((s) => !stale.has(s.personId)), ...fresh];
}
