/**
 * Group commit: appends that arrive while the store is busy are written together in one durable
 * transaction, so one fsync serves many requests instead of one each. Nothing is acknowledged
 * before the commit that holds it has returned (synchronous = FULL: fsynced), and each append
 * keeps its own outcome: the batch runner checks and writes each one inside its own SAVEPOINT, so
 * a refused append is rolled back alone and the others in the batch are committed.
 *
 * Scheduling: the first append into an empty queue schedules a flush with `setImmediate`, so
 * every append submitted in the same turn of the event loop (all the requests whose bodies were
 * read in one poll phase) joins the batch. better-sqlite3 commits synchronously: while a commit
 * waits for the disk the event loop is blocked, requests pile up in the sockets, and the next
 * batch is larger — the batch size follows the load by itself, with no timer to tune.
 */
export interface Submission<T, R> {
  readonly request: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/** Outcome of one append inside a batch: its result, or its own error. */
export type Outcome<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

export interface GroupCommitOptions<T> {
  /** Most events in one transaction (always at least one append): bounds how long a commit holds the write lock. */
  readonly maxEvents: number;
  readonly sizeOf: (request: T) => number;
}

/** How well appends are being grouped: commits made, and the appends they carried. */
export interface GroupCommitStats {
  readonly commits: number;
  readonly appends: number;
  readonly largestBatch: number;
}

export class GroupCommit<T, R> {
  private queue: Submission<T, R>[] = [];
  private scheduled = false;
  private counts = { commits: 0, appends: 0, largestBatch: 0 };

  /**
   * @param runBatch writes the batch in one transaction and returns one outcome per request, in
   *   order; throwing means nothing of the batch was committed, and every request gets that error.
   */
  constructor(
    private readonly runBatch: (requests: readonly T[]) => readonly Outcome<R>[],
    private readonly options: GroupCommitOptions<T>,
  ) {}

  submit(request: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.schedule();
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  get stats(): GroupCommitStats {
    return { ...this.counts };
  }

  /** Writes everything queued now (the store calls it before closing). */
  drain(): void {
    while (this.queue.length) this.flushOne();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushOne();
      if (this.queue.length) this.schedule();
    });
  }

  private flushOne(): void {
    const batch = this.take();
    if (batch.length === 0) return;
    let outcomes: readonly Outcome<R>[];
    this.counts.commits += 1;
    this.counts.appends += batch.length;
    this.counts.largestBatch = Math.max(this.counts.largestBatch, batch.length);
    try {
      outcomes = this.runBatch(batch.map((s) => s.request));
    } catch (error) {
      for (const submission of batch) submission.reject(error);
      return;
    }
    batch.forEach((submission, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) submission.resolve(outcome.value);
      else submission.reject(outcome.error);
    });
  }

  /** The oldest submissions, up to maxEvents events (at least one submission). */
  private take(): Submission<T, R>[] {
    let events = 0;
    let count = 0;
    while (count < this.queue.length) {
      events += this.options.sizeOf(this.queue[count]!.request);
      if (count > 0 && events > this.options.maxEvents) break;
      count += 1;
    }
    return this.queue.splice(0, count);
  }
}
