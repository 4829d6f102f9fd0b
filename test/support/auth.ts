import type { Role } from '../../apps/api/src/auth/principal.js';
import { mintToken } from '../../apps/api/src/auth/tokens.js';

/** The HS256 secret every test application is started with (never used outside tests). */
export const TEST_JWT_SECRET = 'Tq8vN3zK6wR1yB5mD9hJ2fL7xC4gP0sEa';

/** The master key wrapping per-person data keys in tests (base64 of 32 bytes; never used outside tests). */
export const TEST_KEY_ENCRYPTION_KEY = 'q0V3n6bH2yK8tR1xZ5wL9cF4mJ7pD0sA3gE6uY2iN8o=';

/** The secrets every configuration loaded by a test needs outside demo mode. */
export const TEST_SECRETS_ENV = { PARCOURS_JWT_SECRET: TEST_JWT_SECRET, PARCOURS_KEY_ENCRYPTION_KEY: TEST_KEY_ENCRYPTION_KEY } as const;

/** Test organisations: a care service (CSAPA) and an employment-side one (insertion workshop). */
export const CARE_ORG = '018f0000-0000-7000-8000-0000000c5a9a';
export const JOB_ORG = '018f0000-0000-7000-8000-0000000e3901';

export interface TokenOptions {
  readonly org?: string | null;
  readonly sub?: string;
  readonly ttlSeconds?: number;
}

/** A signed token for a role; caseworkers default to the care organisation. */
export function tokenFor(role: Role, options: TokenOptions = {}): Promise<string> {
  const org = options.org === undefined ? (role === 'caseworker' ? CARE_ORG : null) : options.org;
  return mintToken(
    { role, sub: options.sub ?? `test.${role}`, organisationId: org, ...(options.ttlSeconds !== undefined ? { ttlSeconds: options.ttlSeconds } : {}) },
    { secret: TEST_JWT_SECRET, issuer: 'parcours', audience: 'parcours-api' },
  );
}

/** `Authorization` header value for a role. */
export async function bearer(role: Role, options: TokenOptions = {}): Promise<string> {
  return `Bearer ${await tokenFor(role, options)}`;
}
