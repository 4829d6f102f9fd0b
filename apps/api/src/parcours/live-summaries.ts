import type Database from 'better-sqlite3';
import type { ParcoursDraft } from '@parcours/domain';
import type { TableNamer } from '../projections/index.js';
import { preparedFor } from '../projections/prepared-statements.js';
import { summaryText } from './parcours-inputs.js';
import { parcoursRows, type ParcoursRows } from './parcours-tables.js';
import { AwaitedSummaries, summaryWorkerUrl, ThreadSummariser } from './summariser.js';

/** A thread with nothing to do for this long is stopped (started again by the next append). */
const IDLE_MS = 10_000;

/**
 * Summaries of the live parcours projection, made on a thread of their own. A summary needs the
 * person's whole path and costs more than the rest of a live batch; made in the batch, it held the
 * request path's thread for each append. Instead the batch marks the person stale (in its own
 * transaction, as a catch-up does) and asks the summary thread, which reads the committed
 * segments on its own connection; results are written at the start of the next batch, or in a
 * transaction of their own once they are back, and only if the person has not changed since they
 * were asked for. A stale person is summarised by whoever reads the summaries meanwhile
 * (loadSummaries), so cohort views stay those of the checkpoint.
 *
 * Without a file (a database in memory) or a compiled worker (the test runner), summaries are made
 * in the batch from the draft, as before.
 */
export class LiveSummaries {
  private thread: ThreadSummariser | undefined;
  /** Persons whose summary was asked for, and at which revision. */
  private readonly awaiting = new AwaitedSummaries();
  private watching = false;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly rows: ParcoursRows;
  private readonly workerData;

  constructor(
    private readonly db: Database.Database,
    table: TableNamer,
    private readonly workerUrl: URL | undefined = db.memory ? undefined : summaryWorkerUrl(),
  ) {
    this.rows = parcoursRows(db, table);
    this.workerData = { filename: db.name, segments: table('segments') };
  }

  /**
   * In the batch's transaction: summaries that came back are written, those of persons changed
   * since are dropped. Returns how many came back.
   */
  collect(): number {
    return this.awaiting.settle(this.thread?.take() ?? [], (r) => this.rows.saveSummary(r.personId, r.revision, r.text));
  }

  /** In the batch's transaction: the person's path is now `draft`; its summary is made on the thread, or here. */
  changed(draft: ParcoursDraft, options: { now?: boolean } = {}): void {
    const { personId, revision } = draft;
    if (options.now || !this.workerUrl) {
      this.awaiting.forget(personId);
      return this.rows.saveSummary(personId, revision, summaryText(draft));
    }
    this.rows.markStale(personId);
    this.awaiting.ask(personId, revision);
    this.summariser().request({ personId, revision });
    this.watch();
  }

  /** Pending summaries (diagnostics, tests). */
  get pending(): number {
    return this.awaiting.size;
  }

  close(): void {
    clearTimeout(this.idleTimer);
    this.thread?.close();
    this.thread = undefined;
    this.awaiting.clear();
  }

  private summariser(): ThreadSummariser {
    clearTimeout(this.idleTimer);
    this.thread ??= new ThreadSummariser(this.workerUrl!, this.workerData, (personId) => this.rows.segments(personId));
    return this.thread;
  }

  /** Once results are back, writes them unless a batch has done so first; stops an idle thread. */
  private watch(): void {
    const thread = this.thread;
    if (this.watching || !thread) return;
    this.watching = true;
    void thread.ready().then(() => {
      this.watching = false;
      if (thread !== this.thread) return;
      let collected: number;
      try {
        collected = this.db.open ? this.db.transaction(() => this.collect())() : 0;
      } catch {
        // The tables are gone (a newer version swapped in and dropped them) or the database is closing.
        return this.close();
      }
      if (collected > 0 && this.awaiting.size > 0) return this.watch();
      // Nothing in flight. Still awaited: asked for at a revision whose batch was rolled back (its
      // redelivery asks again). Such a person stays marked stale: whoever reads it summarises it.
      this.awaiting.clear();
      this.idleTimer = setTimeout(() => this.close(), IDLE_MS).unref();
    });
  }
}

/** The live summaries of one connection and table (a new version's tables get their own). */
export function liveSummariesFor(db: Database.Database, table: TableNamer): LiveSummaries {
  return preparedFor(db, `${table('segments')}#live-summaries`, () => new LiveSummaries(db, table));
}
