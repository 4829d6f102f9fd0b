import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { summaryTextOfSegments } from './parcours-inputs.js';
import { CLOSE_THREAD_CONNECTION, ThreadConnectionState } from '../projections/thread-connection.js';
import type { SummaryJob, SummaryResult, SummarySource, SummaryWorkerData } from './summary-worker.js';

export type { SummaryJob, SummaryResult };

/** Stored summaries, written by the catch-up: each one only if its person has not changed since. */
export interface StoredSummaryResult {
  readonly personId: string;
  readonly revision: number;
  readonly text: string;
}

/**
 * Makes persons' stored summaries for a catch-up. Results come back later, through `take()`:
 * the catch-up writes them in a later transaction, and only if the person has not changed since.
 */
export interface Summariser {
  request(job: SummaryJob): void;
  take(): StoredSummaryResult[];
  /** Resolves once a result can be taken (at once when one can, or when none is pending). */
  ready(): Promise<void>;
  close(): void;
}

/**
 * The summaries asked for, by person, at the revision asked: a newer request replaces an older
 * one. A result that comes back is written only if it is still the one awaited — its person has
 * not changed since — or readers would take an older path's summary for current.
 */
export class AwaitedSummaries {
  private readonly byPerson = new Map<string, number>();

  ask(personId: string, revision: number): void {
    this.byPerson.set(personId, revision);
  }

  forget(personId: string): void {
    this.byPerson.delete(personId);
  }

  clear(): void {
    this.byPerson.clear();
  }

  get size(): number {
    return this.byPerson.size;
  }

  /** Saves the results still awaited (and stops awaiting them); returns how many came back. */
  settle(results: readonly StoredSummaryResult[], save: (result: StoredSummaryResult) => void): number {
    for (const result of results) {
      if (this.byPerson.get(result.personId) !== result.revision) continue;
      this.byPerson.delete(result.personId);
      save(result);
    }
    return results.length;
  }
}

/** On the caller's thread, from the person's segments as its connection sees them. */
export class InlineSummariser implements Summariser {
  private results: StoredSummaryResult[] = [];

  constructor(private readonly segmentsOf: (personId: string) => string[]) {}

  request(job: SummaryJob): void {
    const text = summaryTextOfSegments(job.personId, this.segmentsOf(job.personId), job.revision);
    // Null: the segments no longer end at that revision (the person changed since): nothing to write.
    if (text !== null) this.results.push({ personId: job.personId, revision: job.revision, text });
  }

  take(): StoredSummaryResult[] {
    const taken = this.results;
    this.results = [];
    return taken;
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }

  close(): void {
    this.results = [];
  }
}

/** The worker entry beside this module, when it is compiled JavaScript (dist/); absent under the test runner. */
export function summaryWorkerUrl(): URL | undefined {
  const url = new URL('./summary-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * A summary thread beside the catch-up: summaries are a quarter of a rebuild's work and need
 * nothing but the person's committed segments, which the thread reads on its own connection, so a
 * second core makes them while this one reads the log and writes segments. Only ids cross: jobs
 * go out once the batch is committed (after the current synchronous work, as one message per
 * batch) and at most `maxPending` are in flight (`busy` tells the caller to wait); beyond, or
 * if the thread fails, persons are summarised here — nothing is lost.
 */
export class ThreadSummariser implements Summariser {
  private readonly inline: InlineSummariser;
  private readonly worker: Worker;
  private readonly state = new ThreadConnectionState();
  private readonly inFlight = new Map<string, SummaryJob>();
  private outbox: SummaryJob[] = [];
  private results: StoredSummaryResult[] = [];
  private waiting: (() => void)[] = [];
  private failed = false;

  constructor(
    url: URL,
    source: SummarySource,
    segmentsOf: (personId: string) => string[],
    private readonly maxPending = 1_024,
  ) {
    this.inline = new InlineSummariser(segmentsOf);
    // Bounded like the rest of a catch-up: beyond it the thread fails and this one takes over.
    const workerData: SummaryWorkerData = { ...source, state: this.state.flag };
    this.worker = new Worker(url, { workerData, resourceLimits: { maxOldGenerationSizeMb: 96 } });
    this.worker.unref();
    this.worker.on('message', (results: SummaryResult[]) => {
      for (const result of results) {
        const job = this.inFlight.get(key(result));
        if (!job) continue;
        this.inFlight.delete(key(result));
        if (result.text !== null) this.results.push({ ...result, text: result.text });
        else this.inline.request(job); // not visible to the thread: read here
      }
      this.wakeUp();
    });
    this.worker.on('error', () => this.fail());
    this.worker.on('exit', () => {
      this.state.markClosed(); // the driver closes a thread's connections as it ends
      this.fail();
    });
  }

  /** As many jobs in flight as it takes: the caller should wait rather than add more. */
  get busy(): boolean {
    return !this.failed && this.inFlight.size >= this.maxPending;
  }

  request(job: SummaryJob): void {
    if (this.failed || this.inFlight.size >= this.maxPending) return this.inline.request(job);
    this.inFlight.set(key(job), job);
    this.outbox.push(job);
    // After the current synchronous work, which commits the batch: the thread then sees its segments.
    if (this.outbox.length === 1) queueMicrotask(() => this.send());
  }

  take(): StoredSummaryResult[] {
    const taken = [...this.results, ...this.inline.take()];
    this.results = [];
    return taken;
  }

  ready(): Promise<void> {
    if (this.results.length || this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  close(): void {
    this.failed = true;
    this.inFlight.clear();
    this.wakeUp();
    // Returns once the thread's connection is closed (thread-connection.ts): the caller may delete the file.
    if (!this.state.closeFromOwner(() => this.worker.postMessage(CLOSE_THREAD_CONNECTION))) void this.worker.terminate();
  }

  private send(): void {
    const jobs = this.outbox;
    this.outbox = [];
    if (jobs.length && !this.failed) this.worker.postMessage(jobs);
  }

  /** The thread is gone: what it had not answered is summarised here. */
  private fail(): void {
    if (this.failed) return;
    this.failed = true;
    for (const job of this.inFlight.values()) this.inline.request(job);
    this.inFlight.clear();
    this.outbox = [];
    this.wakeUp();
  }

  private wakeUp(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const wake of waiting) wake();
  }
}

function key(job: { personId: string; revision: number }): string {
  return `${job.personId}@${job.revision}`;
}
