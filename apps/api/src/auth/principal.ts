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
