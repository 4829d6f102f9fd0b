import type { Position } from './position.js';

/**
 * The event store port. Both adapters (embedded SQLite, EventStoreDB) implement it and pass the
 * same contract suite (`event-store.contract.ts`). Semantics follow EventStoreDB's where the two
 * could differ, so that moving to a cluster changes nothing for callers.
 */

/** A JSON value: what event data and metadata may hold. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/**
 * What the caller expects of the stream before the append:
 * - `any`: no check;
 * - `no_stream`: the stream must not exist yet;
 * - `stream_exists`: the stream must have at least one event;
 * - a number: the revision of the stream's last event (revisions count from 0).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface NewEvent {
  /** UUID (v7 by convention, so ids sort by creation time). The idempotency key. */
  readonly eventId: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata?: JsonObject;
  /**
   * When the event was first recorded. Leave it out: the store stamps the append time. Only
   * copies (migration between stores, restoring an export) pass the original recording time.
   */
  readonly recordedAt?: Date;
}

export interface RecordedEvent {
  readonly eventId: string;
  readonly streamId: string;
  /** 0-based index of the event in its stream. */
  readonly revision: number;
  /** Position in the global log. */
  readonly position: Position;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly recordedAt: Date;
}

export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  readonly nextRevision: number;
  /** Global position of the last event appended. */
  readonly position: Position;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Inclusive. Default: the first event (forwards) or the last one (backwards). */
  readonly fromRevision?: number;
  readonly direction?: Direction;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Inclusive: an event at exactly this position is returned. Default: the start of the log. */
  readonly fromPosition?: Position;
  readonly direction?: Direction;
  readonly maxCount?: number;
}

export interface SubscriptionHandler {
  /** Called once per event, in log order; the next event waits until the promise settles. */
  onEvent(event: RecordedEvent): void | Promise<void>;
  /** Called once, when the catch-up phase has delivered every event stored when it started. */
  onCaughtUp?(): void;
}

export interface SubscribeOptions {
  /**
   * The handler reads only some fields of most events (a projection): an adapter that reads
   * stored text may deliver events that decode data, metadata, the recording time and the
   * position on first access (`LazyRecordedEvent`; `storedText` gives the stored JSON). Such
   * events have the same values, but their decoded fields are not own properties: the handler
   * must not spread them (`{ ...event }`) nor list their keys. Adapters may ignore the option.
   */
  readonly lazy?: boolean;
}

export interface Subscription {
  /** Stops delivery; resolves once no handler call is running any more. */
  stop(): Promise<void>;
  /**
   * Settles when the subscription ends: resolves after `stop()`, rejects with the handler's
   * (or the store's) error. A handler error always ends the subscription: no event is skipped.
   */
  readonly done: Promise<void>;
}

export interface EventStore {
  /**
   * Appends events to one stream atomically, after checking `expected`.
   * Idempotent by event id: re-appending the same ids (same stream, same order) with an
   * expectation the first append also met returns the first result and writes nothing.
   * @throws WrongExpectedVersionError, EventIdConflictError, InvalidAppendError
   */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;

  /** The stream's events, in revision order; nothing when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;

  /** Every event of every stream in global order (system events of the server excluded). */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  /**
   * Catch-up subscription to the global log: delivers every event *after* `fromPosition`
   * (`START` for all), then live events as they are appended. At-least-once: a handler that
   * persists a checkpoint with its effects gets exactly-once effects.
   */
  subscribeToAll(fromPosition: Position, handler: SubscriptionHandler, options?: SubscribeOptions): Subscription;

  /** Throws StoreUnavailableError when the store cannot serve requests (health checks). */
  ping(): Promise<void>;

  /** The position of the last event in the log, or START when the log is empty. */
  headPosition(): Promise<Position>;

  close(): Promise<void>;
}
