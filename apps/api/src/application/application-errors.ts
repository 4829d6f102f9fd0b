/** Errors of the application layer (between HTTP and the domain), each with a stable code. */

/** The client sent If-Match with a revision the stream is no longer at: answered 412. */
export class RevisionMismatchError extends Error {
  readonly code = 'REVISION_MISMATCH';
  constructor(
    readonly expected: number,
    readonly actual: number | 'no_stream',
  ) {
    super(`If-Match expected revision ${expected}, but the stream is at ${actual === 'no_stream' ? 'no revision (no stream)' : `revision ${actual}`}`);
    this.name = 'RevisionMismatchError';
  }
}

/** Other writers kept changing the stream while we retried: answered 409, safe to retry. */
export class ConcurrentModificationError extends Error {
  readonly code = 'CONCURRENT_MODIFICATION';
  constructor(streamId: string) {
    super(`Stream ${streamId} changed during every attempt to append; retry the request`);
    this.name = 'ConcurrentModificationError';
  }
}

/** A header or parameter is malformed: answered 400 naming it. */
export class BadRequestParameterError extends Error {
  readonly code = 'INVALID_PARAMETER';
  constructor(
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'BadRequestParameterError';
  }
}
