import { comparePositions, type EventStore, type Position, type RecordedEvent, type Subscription } from '@parcours/event-store';
import type { CatchUpSession, ProjectionDefinition } from './projection-definition.js';
import type { ProjectionRegistry } from './projection-registry.js';

export interface BatchingOptions {
  /** A batch is committed when it holds this many events... */
  readonly batchSize: number;
  /** ...or this long after its first event (live appends arrive one by one)... */
  readonly flushDelayMs: number;
  // ...or when the subscription reports it has caught up.
}

export interface CommittedBatch {
  readonly checkpoint: Position;
  readonly count: number;
  readonly lastRecordedAt: Date;
}

export interface WorkerListener {
  onCommitted(batch: CommittedBatch): void;
  /** Every event stored when the subscription started is applied. May throw: the worker fails. */
  onCaughtUp(checkpoint: Position): void;
}

/**
 * Feeds one version of one projection from the store's subscription to `$all`, from its
 * checkpoint. Events are buffered and committed in batches, each with its checkpoint in one
 * transaction (ProjectionRegistry.commitBatch). The subscription is at-least-once: an event at or
 * before the last one seen is a redelivery and is ignored, so effects are exactly-once.
 *
 * Any failure ends the worker (`ended` rejects) and drops the uncommitted buffer; the runner
 * starts a new worker later from the stored checkpoint, so nothing is skipped or applied twice.
 */
export class ProjectionWorker {
  readonly ended: Promise<void>;
  private readonly subscription: Subscription;
  private buffer: RecordedEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private failure: unknown;
  private lastSeen: Position;
  private committed: Position;
  /** The definition's catch-up session until the catch-up is finished (see ProjectionDefinition.catchUp). */
  private session: CatchUpSession | undefined;
  /** The session's deferred work is being done: live events wait in the buffer. */
  private finishing = false;
  private stopped = false;

  constructor(
    store: EventStore,
    private readonly registry: ProjectionRegistry,
    private readonly definition: ProjectionDefinition,
    readonly version: number,
    from: Position,
    private readonly batching: BatchingOptions,
    private readonly listener: WorkerListener,
  ) {
    this.lastSeen = from;
    this.committed = from;
    this.session = registry.openCatchUp(definition, version);
    // Lazy: projections look at the stream and type of every event but decode little else (a
    // parcours catch-up embeds data as stored); none spreads an event (ProjectionDefinition).
    this.subscription = store.subscribeToAll(
      from,
      {
        onEvent: (event) => this.onEvent(event),
        onCaughtUp: () => this.guard(() => {
          this.flush();
          this.finishCatchUp();
        }),
      },
      { lazy: true },
    );
    if (this.failure !== undefined) void this.subscription.stop();
    this.ended = this.subscription.done.then(
      () => {
        this.clearTimer();
        if (this.failure !== undefined) throw this.failure;
      },
      (error: unknown) => {
        this.clearTimer();
        throw this.failure ?? error;
      },
    );
    this.ended.catch(() => undefined); // the runner observes `ended`
  }

  get checkpoint(): Position {
    return this.committed;
  }

  /** Stops delivery. The uncommitted buffer is dropped: it is delivered again next time. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.closeSession();
    this.clearTimer();
    this.buffer = [];
    await this.subscription.stop();
  }

  /**
   * Runs inside the subscription: throwing ends it with that error (no event skipped). After a
   * full batch, the returned promise lets the event loop turn before the next event: a store's
   * catch-up delivers synchronously read pages through microtasks only, so without it a catch-up
   * of a million events would hold the process (HTTP requests, timers, the other projections'
   * flushes) for its whole duration instead of one batch at a time.
   */
  private onEvent(event: RecordedEvent): void | Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    if (comparePositions(event.position, this.lastSeen) <= 0) return;
    this.lastSeen = event.position;
    this.buffer.push(event);
    if (this.buffer.length >= this.batching.batchSize) {
      try {
        this.flush();
      } catch (error) {
        this.failure = error;
        this.closeSession();
        throw error;
      }
      return new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.timer ??= setTimeout(() => this.guard(() => this.flush()), this.batching.flushDelayMs);
  }

  private flush(): void {
    this.clearTimer();
    const events = this.buffer;
    if (events.length === 0 || this.finishing) return;
    this.buffer = [];
    this.registry.commitBatch(this.definition, this.version, this.committed, events, this.session);
    const last = events[events.length - 1]!;
    this.committed = last.position;
    this.listener.onCommitted({ checkpoint: last.position, count: events.length, lastRecordedAt: last.recordedAt });
  }

  /**
   * Caught up: the session's deferred work, one step (transaction) per turn of the event loop so
   * that queries are answered meanwhile; then the events that arrived live, and only then the
   * runner hears of it (a new version is swapped in with its deferred work done).
   */
  private finishCatchUp(): void {
    const session = this.session;
    if (this.finishing) return; // a second caught-up signal: the steps under way will report
    if (!session) return this.listener.onCaughtUp(this.committed);
    this.finishing = true;
    const step = () =>
      this.guard(() => {
        if (this.stopped) return;
        if (!this.registry.finishStep(this.definition, this.version, this.committed, session)) {
          const next = () => setImmediate(step);
          return void (session.ready ? session.ready().then(next, next) : next());
        }
        this.closeSession();
        this.finishing = false;
        this.flush();
        this.listener.onCaughtUp(this.committed);
      });
    step();
  }

  private closeSession(): void {
    const session = this.session;
    this.session = undefined;
    session?.close?.();
  }

  /** For work outside the event handler (timer, caught-up): a failure stops the subscription. */
  private guard(work: () => void): void {
    if (this.failure !== undefined) return;
    try {
      work();
    } catch (error) {
      this.failure = error;
      this.buffer = [];
      this.closeSession();
      this.clearTimer();
      // The subscription may not be assigned yet if a store calls back synchronously.
      if (this.subscription) void this.subscription.stop();
    }
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
