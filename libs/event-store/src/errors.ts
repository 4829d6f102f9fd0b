import type { ExpectedRevision } from './event-store.port.js';

/** Base class of every error the event store raises on purpose; `code` is stable for callers. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream was not at the revision the caller expected (optimistic concurrency). */
export class WrongExpectedVersionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or `no_stream` when it does not exist. */
    readonly actual: number | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/**
 * An event id is already stored, but not as a retry of the same append
 * (another stream, another type, or only part of the batch).
 */
export class EventIdConflictError extends EventStoreError {
  readonly code = 'EVENT_ID_CONFLICT';
  constructor(readonly eventId: string, detail: string) {
    super(`Event id ${eventId} is already used: ${detail}`);
    this.name = 'EventIdConflictError';
  }
}

/** The caller broke the port's contract (bad stream name, empty batch, non-JSON data...). */
export class InvalidAppendError extends EventStoreError {
  readonly code = 'INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

/** The store cannot be reached (server down, file locked, connection closed). */
export class StoreUnavailableError extends EventStoreError {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
