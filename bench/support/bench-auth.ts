import type { Role } from '../../apps/api/src/auth/principal.js';
import { mintToken } from '../../apps/api/src/auth/tokens.js';

/**
 * bench:replay runs the real API, which needs its secrets and tokens like any deployment. These
 * are for synthetic benchmark data only: fixed, so a cached log (--reuse) and its key store stay
 * readable from one run to the next.
 */
export const BENCH_SECRETS = {
  PARCOURS_JWT_SECRET: 'bench-replay-Xv8qL2mN7rT4wZ9kP3sD6fH1jB5cG0yA',
  PARCOURS_KEY_ENCRYPTION_KEY: 'm3Q9xV7cK1pZ5rT8wN2bY6fJ0hL4sD9gA3eU7iO1kR0=',
} as const;

/** The care service the synthetic persons are recorded by: its caseworkers read them. */
export const BENCH_ORGANISATION = '018f0000-0000-7000-8000-0000000be4c4';

const tokens = new Map<Role, Promise<string>>();

/** The Authorization header of the role that ordinarily calls a route (admin, evaluator, caseworker). */
export function authorisationFor(url: string): Promise<string> {
  const path = new URL(url).pathname;
  const role: Role = path.startsWith('/admin') ? 'admin' : path.startsWith('/cohorts') ? 'evaluator' : 'caseworker';
  let token = tokens.get(role);
  if (!token) {
    token = mintToken(
      { role, sub: `bench.${role}`, organisationId: role === 'caseworker' ? BENCH_ORGANISATION : null },
      { secret: BENCH_SECRETS.PARCOURS_JWT_SECRET, issuer: 'parcours', audience: 'parcours-api' },
    ).then((t) => `Bearer ${t}`);
    tokens.set(role, token);
  }
  return token;
}
