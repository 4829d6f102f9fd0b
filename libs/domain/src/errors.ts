/**
 * A rule of the domain was broken. `code` is stable (clients branch on it), `rule` says in words
 * which rule, so a 422 tells the caseworker what to fix.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The command names something that does not exist (a person, an episode): answered as 404. */
export class NotFoundError extends DomainError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
    this.name = 'NotFoundError';
  }
}

/** The input does not have the shape the domain accepts: answered as 400 with field paths. */
export class InvalidInputError extends Error {
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly issues: readonly { field: string; rule: string; message: string }[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
    this.name = 'InvalidInputError';
  }
}
