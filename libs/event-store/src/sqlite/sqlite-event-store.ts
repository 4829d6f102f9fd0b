import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { meetsExpectation, validateAppend } from '../append-validation.js';
import { EventIdConflictError, StoreUnavailableError, WrongExpectedVersionError } from '../errors.js';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  JsonObject,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  Subscription,
  SubscriptionHandler,
} from '../event-store.port.js';
import { pollingSubscription } from '../polling-subscription.js';
import { type Position, positionFromSequence, sequenceFromPosition, START } from '../position.js';
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
}

/** In-process wake-ups, shared by every store opened on the same file. */
const appendSignals = new Map<string, EventEmitter>();

function signalFor(filename: string): EventEmitter {
  const key = filename === ':memory:' ? `:memory:${Math.random()}` : resolve(filename);
  let signal = appendSignals.get(key);
  if (!signal) {
    signal = new EventEmitter();
    signal.setMaxListeners(0);
    appendSignals.set(key, signal);
  }
  return signal;
}

/**
 * The embedded event store: one SQLite file in WAL mode. Each append is one IMMEDIATE
 * transaction, so the revision check and the insert cannot interleave with another writer,
 * even one in another process; the unique indexes are the last line of defence.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly sql: SqliteStatements;
  private readonly signal: EventEmitter;
  private readonly clock: () => Date;
  private readonly pollMs: number;
  private readonly subscriptions = new Set<Subscription>();
  private readonly appendTx: Database.Transaction<SqliteEventStore['appendRows']>;
  private closed = false;

  constructor(options: SqliteEventStoreOptions) {
    if (options.filename !== ':memory:') mkdirSync(dirname(resolve(options.filename)), { recursive: true });
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.sql = new SqliteStatements(this.db);
    this.signal = signalFor(options.filename);
    this.clock = options.clock ?? (() => new Date());
    this.pollMs = options.pollMs ?? 250;
    this.appendTx = this.db.transaction(this.appendRows.bind(this));
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(streamId, events, expected);
    const result = this.appendTx.immediate(streamId, events, expected);
    if (result.written) this.signal.emit('append');
    return { nextRevision: result.nextRevision, position: result.position };
  }

  /** Runs inside the IMMEDIATE transaction: check, then insert. */
  private appendRows(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision) {
      const current = this.sql.currentRevision(streamId);
      const retry = this.idempotentRetry(streamId, events, expected, current);
      if (retry) return { ...retry, written: false };
      if (!meetsExpectation(expected, current)) {
        throw new WrongExpectedVersionError(streamId, expected, current < 0 ? 'no_stream' : current);
      }
      const recordedAt = this.clock().toISOString();
      let revision = current;
      let sequence = 0;
      for (const event of events) {
        revision += 1;
        try {
          sequence = this.sql.insert({
            event_id: event.eventId.toLowerCase(),
            stream_id: streamId,
            revision,
            type: event.type,
            data: JSON.stringify(event.data),
            metadata: JSON.stringify(event.metadata ?? {}),
            recorded_at: event.recordedAt ? event.recordedAt.toISOString() : recordedAt,
          });
        } catch (error) {
          if (isUniqueViolation(error, 'event_id')) {
            throw new EventIdConflictError(event.eventId, 'it was stored by another append');
          }
          if (isUniqueViolation(error, 'stream_id')) {
            throw new WrongExpectedVersionError(streamId, expected, this.sql.currentRevision(streamId));
          }
          throw error;
        }
      }
      return { nextRevision: revision, position: positionFromSequence(sequence), written: true };
  }

  /** The first result again when these exact events were already appended, else undefined. */
  private idempotentRetry(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    current: number,
  ): AppendResult | undefined {
    const first = this.sql.byEventId(events[0]!.eventId.toLowerCase());
    if (!first) return undefined;
    const rows = events.map((e) => this.sql.byEventId(e.eventId.toLowerCase()));
    const sameBatch = rows.every(
      (row, i) => row && row.stream_id === streamId && row.revision === first.revision + i && row.type === events[i]!.type,
    );
    if (!sameBatch) {
      throw new EventIdConflictError(events[0]!.eventId, 'the stored events differ from this append (stream, order or type)');
    }
    if (!meetsExpectation(expected, first.revision - 1)) {
      throw new WrongExpectedVersionError(streamId, expected, current);
    }
    const last = rows[rows.length - 1]!;
    return { nextRevision: last.revision, position: positionFromSequence(last.position) };
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

  subscribeToAll(fromPosition: Position, handler: SubscriptionHandler): Subscription {
    this.assertOpen();
    const subscription = pollingSubscription(
      {
        readAfter: (after, max) => {
          this.assertOpen();
          return this.sql.allForwards(sequenceFromPosition(after) + 1, max).map(toRecorded);
        },
        waitForChange: (pollMs) => {
          let cancel = () => undefined as void;
          const promise = new Promise<void>((wake) => {
            const timer = setTimeout(done, pollMs);
            const signal = this.signal;
            function done() {
              clearTimeout(timer);
              signal.off('append', done);
              wake();
            }
            signal.on('append', done);
            cancel = done;
          });
          return { promise, cancel };
        },
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
    this.closed = true;
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('The SQLite event store is closed');
  }

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

function isUniqueViolation(error: unknown, column: string): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && (e.message ?? '').includes(column);
}
