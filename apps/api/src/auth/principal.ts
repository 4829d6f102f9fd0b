/** The four roles of DOMAIN.md §8's users, and what each may see (docs/security.md). */
export const ROLES = ['caseworker', 'researcher', 'evaluator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified bearer token's claims. */
export interface Principal {
  /** The token's subject: the user id recorded as `recordedBy.userId` and in the audit trail. */
  readonly sub: string;
  readonly role: Role;
  /** The caller's organisation (`org` claim): required for caseworkers, who are scoped to it. */
  readonly organisationId: string | null;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A token subject (user id): what tokens, the token command and the audit filter accept. */
export const SUBJECT_PATTERN = /^[\w.@:-]{1,128}$/;
/** An organisation id in a token's `org` claim. */
export const ORGANISATION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
