/**
 * What the EventStoreDB client throws, in the port's terms: a wrong expected version becomes our
 * `WrongExpectedVersionError`; anything that says the server or the connection failed becomes
 * `StoreUnavailableError`. Programming errors (a TypeError...) pass through untouched.
 */
import { ErrorType, WrongExpectedVersionError as ClientWrongExpectedVersionError } from '@eventstore/db-client';
import { EventStoreError, StoreUnavailableError, WrongExpectedVersionError } from '../errors.js';
import type { ExpectedRevision } from '../event-store.port.js';

/** gRPC status codes (as numbers: the adapter does not depend on @grpc/grpc-js itself). */
const GRPC_CANCELLED = 1;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_INTERNAL = 13;
const GRPC_UNAVAILABLE = 14;
const RETRYABLE_GRPC_CODES = new Set([GRPC_CANCELLED, GRPC_DEADLINE_EXCEEDED, GRPC_INTERNAL, GRPC_UNAVAILABLE]);
const RETRYABLE_TYPES = new Set<string>([ErrorType.UNAVAILABLE, ErrorType.CANCELLED, ErrorType.DEADLINE_EXCEEDED, ErrorType.TIMEOUT, ErrorType.NOT_LEADER]);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * The connection string could not be parsed. The message names it, password hidden; the
 * client's error is not kept as `cause`, since it holds the string in full.
 */
export class InvalidConnectionStringError extends EventStoreError {
  readonly code = 'INVALID_CONNECTION_STRING';
  /** The connection string, password hidden. */
  readonly connectionString: string;
  constructor(connectionString: string, reason: unknown) {
    const shown = redact(connectionString);
    super(`Invalid EventStoreDB connection string "${shown}": ${(reason as Error)?.message ?? String(reason)}`);
    this.name = 'InvalidConnectionStringError';
    this.connectionString = shown;
  }
}

/** `esdb://user:secret@host` → `esdb://user:***@host`. */
export function redact(connectionString: string): string {
  return connectionString.replace(/^([^:/]+:\/\/[^:@/]+:)[^@/]*@/, '$1***@');
}

/** Did the call fail because the server or the connection did (worth retrying)? */
export function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  // Already translated: a timeout (no cause), or whatever its cause says.
  if (error instanceof StoreUnavailableError) return error.cause === undefined || isConnectionError(error.cause);
  const { type, code } = error as { type?: unknown; code?: unknown };
  if (typeof type === 'string' && RETRYABLE_TYPES.has(type)) return true;
  if (typeof code === 'number' && RETRYABLE_GRPC_CODES.has(code)) return true;
  return typeof code === 'string' && SOCKET_CODES.has(code);
}

/** An error from the client or gRPC (as opposed to a bug in our code or the caller's). */
function isStoreError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { type, code } = error as { type?: unknown; code?: unknown };
  return (typeof type === 'string' && Object.values<string>(ErrorType).includes(type)) || typeof code === 'number' || isConnectionError(error);
}

export function isStreamNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === ErrorType.STREAM_NOT_FOUND;
}

/** Our error for a failed `operation` (e.g. "append to person-1"). */
export function translateError(error: unknown, operation: string): unknown {
  if (error instanceof EventStoreError) return error;
  if (!isStoreError(error)) return error;
  const message = (error as Error).message || String(error);
  return new StoreUnavailableError(`EventStoreDB ${operation} failed: ${message}`, { cause: error });
}

/** Our WrongExpectedVersionError for the client's, with the caller's expectation. */
export function translateAppendError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (error instanceof ClientWrongExpectedVersionError) {
    const actual = error.actualVersion;
    return new WrongExpectedVersionError(streamId, expected, typeof actual === 'bigint' ? Number(actual) : 'no_stream');
  }
  return translateError(error, `append to ${streamId}`);
}

/** Rejects with StoreUnavailableError when `work` has not settled within `ms`; `onTimeout` cancels it. */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string, onTimeout?: () => unknown): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void Promise.resolve()
        .then(onTimeout)
        .catch(() => undefined);
      reject(new StoreUnavailableError(`EventStoreDB did not answer ${what} within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
