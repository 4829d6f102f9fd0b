import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@parcours/event-store';

/** Maps a projection's base table name to the table of one version: 'persons' → 'parcours_v3_persons'. */
export type TableNamer = (base: string) => string;

/**
 * A read model: its tables and how a batch of events changes them. The functions are synchronous
 * because better-sqlite3 is, and they run inside the runner's transaction, together with the
 * checkpoint: either the whole batch and its checkpoint are committed, or nothing is.
 *
 * A projection never names its tables directly: it asks `table(base)`, so that a new version can
 * be built into new tables while the previous version's tables keep answering queries.
 */
export interface ProjectionDefinition {
  /** Lower-case letters and digits, words joined by single underscores: 'parcours', 'person_index'. */
  readonly name: string;
  /** Bump it when the tables or the folding change: the runner rebuilds from the start, then swaps. */
  readonly version: number;
  /** Creates this version's tables (and indexes). Runs once, in a transaction, on empty names. */
  createTables(db: Database.Database, table: TableNamer): void;
  /**
   * Applies events in log order. Throwing rolls back the batch and its checkpoint; the runner
   * records the error and retries later from the last checkpoint: no event is ever skipped.
   * Events may be decoded lazily (SubscribeOptions.lazy): read their fields, never spread them.
   */
  applyBatch(db: Database.Database, table: TableNamer, events: readonly RecordedEvent[]): void;
  /**
   * Optional: a session for the catch-up (a rebuild, a new version, a restart behind the head).
   * While the worker replays the log up to the head, batches go to the session instead of
   * `applyBatch`: it may keep state in memory between batches and defer work derived from it,
   * as long as each batch's writes are complete for what it commits with the checkpoint. Once
   * caught up, the runner calls `finishStep` until it returns true, then feeds `applyBatch` live.
   * A failure or a stop discards the session: the next worker opens a new one.
   */
  catchUp?(db: Database.Database, table: TableNamer): CatchUpSession;
}

export interface CatchUpSession {
  /** Like `applyBatch`, in the batch's transaction with its checkpoint. */
  applyBatch(events: readonly RecordedEvent[]): void;
  /**
   * One step of the work deferred during the catch-up, in its own transaction (guarded like a
   * batch); true when nothing is left. Live events wait meanwhile: steps should be short, so
   * that the event loop turns between them.
   */
  finishStep(): boolean;
  /** Optional: resolves when another step can make progress (work done elsewhere came back); default: the next turn of the event loop. */
  ready?(): Promise<void>;
  /** Optional: the session is over (finished, failed or stopped): release what it holds. */
  close?(): void;
}

const NAME = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
/** A `_v<digits>` word would make one projection's tables look like another version's. */
const VERSION_LIKE_WORD = /(?:^|_)v\d+(?:_|$)/;
const BASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

export function assertValidDefinition(definition: ProjectionDefinition): void {
  const { name, version } = definition;
  if (!NAME.test(name) || VERSION_LIKE_WORD.test(name)) {
    throw new Error(`Projection name ${JSON.stringify(name)} must be lower-case words of letters and digits joined by "_", without a "v<digits>" word`);
  }
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new Error(`Projection ${name}: version must be a whole number from 1, not ${String(version)}`);
  }
}

/** The table namer of one version of a projection. Names are checked, so they are safe to interpolate. */
export function tableNamer(name: string, version: number): TableNamer {
  return (base) => {
    if (!BASE.test(base)) throw new Error(`Projection ${name}: table name ${JSON.stringify(base)} must be lower-case words joined by "_"`);
    return `${name}_v${version}_${base}`;
  };
}

/** Matches every table (of any version) that belongs to the projection `name`. */
export function ownTablePattern(name: string, version?: number): RegExp {
  return new RegExp(`^${name}_v${version ?? '\\d+'}_[a-z0-9_]+$`);
}
