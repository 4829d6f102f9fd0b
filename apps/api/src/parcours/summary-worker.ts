import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { summaryTextOfSegments } from './parcours-inputs.js';

/**
 * The summary thread of a parcours catch-up (summariser.ts): persons and revisions in, their
 * stored summaries out. It reads the persons' segments itself, on its own read-only connection
 * (a job is sent once the batch that wrote them is committed): only ids cross between threads.
 */
export interface SummaryJob {
  readonly personId: string;
  readonly revision: number;
}

export interface SummaryResult {
  readonly personId: string;
  readonly revision: number;
  /** null: the segments did not reach the revision (not visible yet): the catch-up makes it itself. */
  readonly text: string | null;
}

export interface SummaryWorkerData {
  readonly filename: string;
  /** The segments table of the version being built (a checked name from the table namer). */
  readonly segments: string;
}

if (parentPort) {
  const port = parentPort;
  const { filename, segments } = workerData as SummaryWorkerData;
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const select = db.prepare<[string], string>(`SELECT inputs FROM ${segments} WHERE person_id = ? ORDER BY first_revision`).pluck();
  port.on('message', (jobs: readonly SummaryJob[]) => {
    const results: SummaryResult[] = jobs.map(({ personId, revision }) => ({ personId, revision, text: summaryTextOfSegments(personId, select.all(personId), revision) }));
    port.postMessage(results);
  });
}
