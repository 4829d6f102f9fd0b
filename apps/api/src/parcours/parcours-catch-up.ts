import type { RecordedEvent } from '@parcours/event-store';
import type { CatchUpSession } from '../projections/index.js';
import { foldBatch, type PersonCursor } from './parcours-batch.js';
import type { ParcoursRows } from './parcours-tables.js';
import { AwaitedSummaries, InlineSummariser, ThreadSummariser } from './summariser.js';
import type { SummarySource } from './summary-worker.js';

export interface CatchUpOptions {
  /** Persons followed at once (a few dozen bytes each): a person is summarised when it leaves them. */
  readonly maxPersons?: number;
  /** The summary worker (summariser.ts) and what it reads; without it, persons are summarised on this thread. */
  readonly summaryWorker?: { readonly url: URL; readonly data: SummarySource } | undefined;
  /** Summaries made on this thread before the catch-up is deemed big enough for the worker (64). */
  readonly threadAfter?: number;
}

/** Revisions remembered for persons no longer followed; beyond, forgotten (read again when needed). */
const MAX_REVISIONS = 200_000;
/** Persons summarised (or handed to the thread) per transaction once caught up. */
const FINISH_STEP = 250;

/**
 * The parcours projection's catch-up. A person's events come in many batches (all of them in a
 * row when the log was loaded person by person, one per batch when years of recording interleave
 * them), and what costs is the summary, which needs the whole path: made at every batch, it is
 * made again and again. So the session follows the persons touched most recently (their revision
 * and whether their summary lags, nothing of their path) and asks for a person's summary once,
 * when the person leaves them — its path is most likely complete — or when the catch-up finishes.
 * Summaries are made from the committed segments, on a thread of their own once the catch-up is
 * big (summariser.ts): this thread only appends segments. Persons whose summary lags are marked
 * stale in the batch's transaction, and a summary is written, clearing the mark, only if its
 * person has not changed since it was asked for; what is still stale at the end (a busy thread, an
 * earlier session's marks) is summarised then.
 */
export class ParcoursCatchUp implements CatchUpSession {
  /** Persons followed (changed, their summary lagging), with their last revision; least recently touched first. */
  private readonly touched = new Map<string, number>();
  /** The last revision of persons no longer followed, so that their next events need no query. */
  private readonly revisions = new Map<string, number>();
  /** Persons whose summary was asked for, and at which revision. */
  private readonly awaiting = new AwaitedSummaries();
  private readonly inline: InlineSummariser;
  private thread: ThreadSummariser | undefined;
  private requested = 0;
  private readonly maxPersons: number;

  constructor(
    private readonly rows: ParcoursRows,
    private readonly options: CatchUpOptions = {},
  ) {
    this.maxPersons = options.maxPersons ?? 1_000;
    this.inline = new InlineSummariser((personId) => rows.segments(personId));
  }

  applyBatch(events: readonly RecordedEvent[]): void {
    this.collect();
    const changes = foldBatch(this.rows, events, (personId) => this.cursorFor(personId));
    for (const [personId, { cursor }] of changes) {
      this.awaiting.forget(personId); // a summary on its way is of an older state
      // Marked when it starts to be followed: a summary written meanwhile may have cleared an older mark.
      if (!this.touched.delete(personId)) this.rows.markStale(personId);
      this.touched.set(personId, cursor.revision);
    }
    while (this.touched.size > this.maxPersons) this.release(this.touched.keys().next().value!, false);
  }

  finishStep(): boolean {
    this.collect();
    let left = FINISH_STEP;
    for (const personId of this.touched.keys()) {
      if (left-- === 0) return false;
      this.release(personId, true);
    }
    if (this.awaiting.size) return false;
    // Still stale: not asked for (a busy thread), changed after it was asked, or an earlier session's marks.
    const stale = this.rows.stale(FINISH_STEP);
    for (const personId of stale) this.request(personId, this.rows.revision(personId), true);
    return stale.length === 0;
  }

  /** Resolves when a step can make progress: a summary has come back, or none is awaited. */
  ready(): Promise<void> {
    return this.thread?.ready() ?? Promise.resolve();
  }

  close(): void {
    this.thread?.close();
  }

  private cursorFor(personId: string): PersonCursor {
    const revision = this.touched.get(personId) ?? this.revisions.get(personId) ?? this.rows.revision(personId);
    return { revision, draft: undefined }; // appended after its last revision, never read back
  }

  private release(personId: string, finishing: boolean): void {
    const revision = this.touched.get(personId)!;
    this.touched.delete(personId);
    if (this.revisions.size >= MAX_REVISIONS) this.revisions.clear();
    this.revisions.set(personId, revision);
    this.request(personId, revision, finishing);
  }

  /** Asks for a summary; while catching up, not when the thread is busy (the person stays stale, summarised at the end). */
  private request(personId: string, revision: number, finishing: boolean): void {
    const worker = this.options.summaryWorker;
    if (!this.thread && worker && this.requested >= (this.options.threadAfter ?? 64)) this.thread = new ThreadSummariser(worker.url, worker.data, (id) => this.rows.segments(id));
    if (this.thread && !finishing && this.thread.busy) return;
    this.requested += 1;
    this.awaiting.ask(personId, revision);
    (this.thread ?? this.inline).request({ personId, revision });
  }

  /** Writes the summaries that came back, unless their person changed since they were asked for. */
  private collect(): void {
    this.awaiting.settle([...this.inline.take(), ...(this.thread?.take() ?? [])], (r) => this.rows.saveSummary(r.personId, r.revision, r.text));
  }
}
