import type Database from 'better-sqlite3';
import { meetsExpectation } from '../append-validation.js';
import { EventIdConflictError, WrongExpectedVersionError } from '../errors.js';
import type { ExpectedRevision, NewEvent } from '../event-store.port.js';
import { type Position, positionFromSequence } from '../position.js';
import type { Outcome } from './group-commit.js';
import type { SqliteStatements } from './statements.js';

export interface AppendRequest {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
}

export interface Written {
  readonly nextRevision: number;
  readonly position: Position;
  /** False for an idempotent retry: the first result, nothing written. */
  readonly written: boolean;
}

/**
 * Writes a batch of appends in one IMMEDIATE transaction: the revision checks and the inserts
 * cannot interleave with another writer (in this process or another), and the single COMMIT is
 * the batch's one fsync. Each append runs inside its own SAVEPOINT: when its check fails (wrong
 * expected revision, event id used elsewhere) only it is rolled back and it gets its own error.
 * Appends later in the batch see the earlier ones (same transaction), exactly as if they had
 * been written one after the other in that order.
 */
export class AppendBatchWriter {
  private readonly tx;

  constructor(
    private readonly db: Database.Database,
    private readonly sql: SqliteStatements,
    private readonly clock: () => Date,
  ) {
    const run = (text: string) => {
      const statement = db.prepare(text);
      return () => void statement.run();
    };
    this.tx = {
      begin: run('BEGIN IMMEDIATE'),
      commit: run('COMMIT'),
      rollback: run('ROLLBACK'),
      savepoint: run('SAVEPOINT append'),
      release: run('RELEASE append'),
      rollbackTo: run('ROLLBACK TO append'),
    };
  }

  /**
   * One outcome per request, in order. Throws when the transaction itself fails (the write lock
   * not obtained in busy_timeout, a disk or I/O error, the commit refused): then nothing of the
   * batch is written and every request of it gets that error.
   */
  write(requests: readonly AppendRequest[]): Outcome<Written>[] {
    const recordedAt = this.clock().toISOString();
    const outcomes: Outcome<Written>[] = [];
    this.tx.begin();
    try {
      for (const request of requests) outcomes.push(this.isolated(request, recordedAt));
      this.tx.commit();
    } catch (error) {
      if (this.db.inTransaction) this.tx.rollback();
      throw error;
    }
    return outcomes;
  }

  /** One append inside its savepoint: its error is its own unless the transaction is gone. */
  private isolated(request: AppendRequest, recordedAt: string): Outcome<Written> {
    this.tx.savepoint();
    try {
      const value = this.appendRows(request, recordedAt);
      this.tx.release();
      return { ok: true, value };
    } catch (error) {
      // SQLite rolls the whole transaction back by itself on some errors (I/O, disk full, busy):
      // the appends before this one are gone too, so the batch fails as a whole.
      if (!this.db.inTransaction) throw error;
      this.tx.rollbackTo();
      this.tx.release();
      return { ok: false, error };
    }
  }

  /** Check, then insert. */
  private appendRows({ streamId, events, expected }: AppendRequest, recordedAt: string): Written {
    const current = this.sql.currentRevision(streamId);
    const retry = this.idempotentRetry(streamId, events, expected, current);
    if (retry) return retry;
    if (!meetsExpectation(expected, current)) {
      throw new WrongExpectedVersionError(streamId, expected, current < 0 ? 'no_stream' : current);
    }
    let revision = current;
    let sequence = 0;
    for (const event of events) {
      revision += 1;
      try {
        sequence = this.sql.insert(
          event.eventId.toLowerCase(),
          streamId,
          revision,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata ?? {}),
          event.recordedAt ? event.recordedAt.toISOString() : recordedAt,
        );
      } catch (error) {
        if (isUniqueViolation(error, 'event_id')) throw new EventIdConflictError(event.eventId, 'it was stored by another append');
        if (isUniqueViolation(error, 'stream_id')) throw new WrongExpectedVersionError(streamId, expected, this.sql.currentRevision(streamId));
        throw error;
      }
    }
    return { nextRevision: revision, position: positionFromSequence(sequence), written: true };
  }

  /** The first result again when these exact events were already appended, else undefined. */
  private idempotentRetry(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision, current: number): Written | undefined {
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
    return { nextRevision: last.revision, position: positionFromSequence(last.position), written: false };
  }
}

function isUniqueViolation(error: unknown, column: string): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && (e.message ?? '').includes(column);
}
