import { DomainError, InvalidInputError, InvalidValidTimeError } from '@parcours/domain';
import { EventIdConflictError, WrongExpectedVersionError } from '@parcours/event-store';
import { ConcurrentModificationError, RevisionMismatchError } from '../../../api/src/application/application-errors.js';

/** Why a line was not imported: a stable code, and words a person fixing the file can act on. */
export interface LineFailure {
  readonly code: string;
  readonly reason: string;
  /** True when the line itself is fine but was kept out because of another line of its person. */
  readonly heldBack: boolean;
}

export const HELD_BACK = 'NOT_IMPORTED';

export function heldBack(reason: string): LineFailure {
  return { code: HELD_BACK, reason: `not imported: ${reason}`, heldBack: true };
}

/**
 * The errors a line can cause, as the API would answer them (400, 404, 409, 422). Anything else
 * (the store is down, a bug) is not about the line: the caller stops the import instead.
 */
export function lineFailure(error: unknown): LineFailure | undefined {
  if (error instanceof InvalidInputError) {
    return { code: error.code, reason: error.issues.map((i) => `${i.field}: ${i.message}`).join('; '), heldBack: false };
  }
  if (
    error instanceof DomainError ||
    error instanceof InvalidValidTimeError ||
    error instanceof EventIdConflictError ||
    error instanceof WrongExpectedVersionError ||
    error instanceof ConcurrentModificationError ||
    error instanceof RevisionMismatchError
  ) {
    return { code: error.code, reason: error.message, heldBack: false };
  }
  return undefined;
}
