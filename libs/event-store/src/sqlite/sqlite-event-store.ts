import type { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { validateAppend } from '../append-validation.js';
import { StoreUnavailableError } from '../errors.js';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  JsonObject,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from '../event-store.port.js';
import { LazyRecordedEvent } from '../lazy-event.js';
import { pollingSubscription } from '../polling-subscription.js';
import { type Position, positionFromSequence, sequenceFromPosition, START } from '../position.js';
import { type AppendRequest, AppendBatchWriter, type Written } from './append-batch.js';
import { signalFor, waitForAppend } from './append-signal.js';
import { GroupCommit, type GroupCommitStats } from './group-commit.js';
import { migrate } from './schema.js';
import { SqliteStatements, type EventTuple } from './statements.js';

export type SynchronousMode = 'FULL' | 'NORMAL' | 'OFF';

export interface SqliteEventStoreOptions {
  /** Database file; `:memory:` for a throw-away store. */
  readonly filename: string;
  /** FULL (default): an acknowledged append survives power loss. NORMAL: survives a crash. */
  readonly synchronous?: SynchronousMode;
  /** How often live subscriptions look for appends made by other processes. */
  readonly pollMs?: number;
  /** Source of recording time; tests pass a fixed clock. */
  readonly clock?: () => Date;
  /** Most events one group commit writes (default 5,000); the appends beyond wait for the next one. */
  readonly maxBatchEvents?: number;
  /**
   * WAL size (pages) past which a commit of this connection checkpoints the file itself, inside
   * the commit (SQLite's default: 1,000). Raise it when something else checkpoints the file from
   * another thread, so that appends do not wait for the checkpoint's syncs.
   */
  readonly walAutocheckpointPages?: number;
}

/**
 * The embedded event store: one SQLite file in WAL mode. Appends are written by group commit
 * (group-commit.ts, append-batch.ts): the appends queued in one turn of the event loop share one
 * IMMEDIATE transaction and its fsync, each checked and written in its own savepoint, so the
 * revision checks and the inserts cannot interleave with another writer, even one in another
 * process; the unique indexes are the last line of defence.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly sql: SqliteStatements;
  private readonly signal: EventEmitter;
  private readonly clock: () => Date;
  private readonly pollMs: number;
  private readonly subscriptions = new Set<Subscription>();
  private readonly writer: AppendBatchWriter;
  private readonly commits: GroupCommit<AppendRequest, Written>;
  private closed = false;

  constructor(options: SqliteEventStoreOptions) {
    if (options.filename !== ':memory:') mkdirSync(dirname(resolve(options.filename)), { recursive: true });
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    if (options.walAutocheckpointPages !== undefined) this.db.pragma(`wal_autocheckpoint = ${options.walAutocheckpointPages}`);
    migrate(this.db);
    this.sql = new SqliteStatements(this.db);
    this.signal = signalFor(options.filename);
    this.clock = options.clock ?? (() => new Date());
    this.pollMs = options.pollMs ?? 250;
    this.writer = new AppendBatchWriter(this.db, this.sql, this.clock);
    this.commits = new GroupCommit((requests) => this.writeBatch(requests), {
      maxEvents: options.maxBatchEvents ?? 5000,
      sizeOf: (request) => request.events.length,
    });
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(streamId, events, expected);
    const result = await this.commits.submit({ streamId, events, expected });
    return { nextRevision: result.nextRevision, position: result.position };
  }

  /** The durability settings of this store's connection, read back from SQLite (benchmarks print them). */
  durability(): { journalMode: string; synchronous: number } {
    return { journalMode: this.db.pragma('journal_mode', { simple: true }) as string, synchronous: this.db.pragma('synchronous', { simple: true }) as number };
  }

  /** Group commit so far: transactions written and the appends they carried (diagnostics, tests). */
  get groupCommitStats(): GroupCommitStats {
    return this.commits.stats;
  }

  /** One transaction for every append queued (group commit); wakes the subscriptions if any wrote. */
  private writeBatch(requests: readonly AppendRequest[]) {
    const outcomes = this.writer.write(requests);
    if (outcomes.some((o) => o.ok && o.value.written)) this.signal.emit('append');
    return outcomes;
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const forwards = (options.direction ?? 'forwards') === 'forwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let next = options.fromRevision ?? (forwards ? 0 : Number.MAX_SAFE_INTEGER);
    while (remaining > 0) {
      const limit = Math.min(remaining, 500);
      const rows = forwards ? this.sql.streamForwards(streamId, next, limit) : this.sql.streamBackwards(streamId, next, limit);
      for (const row of rows) yield toRecorded(row);
      if (rows.length < limit) return;
      remaining -= rows.length;
      next = rows[rows.length - 1]![3] + (forwards ? 1 : -1);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const forwards = (options.direction ?? 'forwards') === 'forwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let next = options.fromPosition ? sequenceFromPosition(options.fromPosition) : forwards ? 0 : Number.MAX_SAFE_INTEGER;
    while (remaining > 0) {
      const limit = Math.min(remaining, 1000);
      const rows = forwards ? this.sql.allForwards(next, limit) : this.sql.allBackwards(next, limit);
      for (const row of rows) yield toRecorded(row);
      if (rows.length < limit) return;
      remaining -= rows.length;
      next = rows[rows.length - 1]![0] + (forwards ? 1 : -1);
    }
  }

  subscribeToAll(fromPosition: Position, handler: SubscriptionHandler, options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const decode = options.lazy ? toLazy : toRecorded;
    const subscription = pollingSubscription(
      {
        readAfter: (after, max) => {
          this.assertOpen();
          return this.sql.allForwards(sequenceFromPosition(after) + 1, max).map(decode);
        },
        waitForChange: (pollMs) => waitForAppend(this.signal, pollMs),
      },
      fromPosition,
      handler,
      { pollMs: this.pollMs },
    );
    this.subscriptions.add(subscription);
    void subscription.done.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  async ping(): Promise<void> {
    if (this.closed) throw new StoreUnavailableError('The SQLite event store is closed');
    try {
      this.sql.ping();
    } catch (error) {
      throw new StoreUnavailableError(`SQLite event store unavailable: ${(error as Error).message}`, { cause: error });
    }
  }

  async headPosition(): Promise<Position> {
    this.assertOpen();
    const head = this.sql.head();
    return head === null ? START : positionFromSequence(head);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.commits.drain(); // appends already accepted are written, not dropped
    this.closed = true;
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('The SQLite event store is closed');
  }

}

/** The same event, decoded field by field when asked (SubscribeOptions.lazy). */
function toLazy([position, eventId, streamId, revision, type, data, metadata, recordedAt]: EventTuple): RecordedEvent {
  return new LazyRecordedEvent(eventId, streamId, revision, type, position, data, metadata, recordedAt);
}

function toRecorded([position, eventId, streamId, revision, type, data, metadata, recordedAt]: EventTuple): RecordedEvent {
  return {
    eventId,
    streamId,
    revision,
    position: positionFromSequence(position),
    type,
    data: JSON.parse(data) as JsonObject,
    metadata: JSON.parse(metadata) as JsonObject,
    recordedAt: new Date(recordedAt),
  };
}

