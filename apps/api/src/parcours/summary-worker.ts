import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { CLOSE_THREAD_CONNECTION, ThreadConnectionState } from '../projections/thread-connection.js';
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

/** What the thread reads. */
export interface SummarySource {
  readonly filename: string;
  /** The segments table of the version being built (a checked name from the table namer). */
  readonly segments: string;
}

export interface SummaryWorkerData extends SummarySource {
  /** The connection's state, shared with the owner (thread-connection.ts): closing is synchronous. */
  readonly state: Int32Array;
}

if (parentPort) {
  const port = parentPort;
  const { filename, segments, state: flag } = workerData as SummaryWorkerData;
  const state = new ThreadConnectionState(flag);
  if (state.beginOpen()) {
    const db = openReadOnly(filename, state);
    const select = db.prepare<[string], string>(`SELECT inputs FROM ${segments} WHERE person_id = ? ORDER BY first_revision`).pluck();
    port.on('message', (message: readonly SummaryJob[] | typeof CLOSE_THREAD_CONNECTION) => {
      if (message === CLOSE_THREAD_CONNECTION) {
        db.close();
        state.markClosed();
        return port.close();
      }
      const results: SummaryResult[] = message.map(({ personId, revision }) => ({ personId, revision, text: summaryTextOfSegments(personId, select.all(personId), revision) }));
      port.postMessage(results);
    });
  } else port.close();
}

function openReadOnly(filename: string, state: ThreadConnectionState): Database.Database {
  try {
    const db = new Database(filename, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    state.markClosed();
    throw error;
  }
}
