/**
 * The audit trail could not record an access: the data is withheld (503). Reading personal data
 * without a trace of it is worse than not answering.
 */
export class AuditUnavailableError extends Error {
  readonly code = 'AUDIT_UNAVAILABLE';
  constructor(cause: unknown) {
    super('The audit trail could not record this access, so the data was not sent; retry later', { cause });
    this.name = 'AuditUnavailableError';
  }
}
