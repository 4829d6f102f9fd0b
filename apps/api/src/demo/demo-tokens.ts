import type { AppConfig } from '../config/app-config.js';
import { mintToken } from '../auth/tokens.js';
import type { Role } from '../auth/principal.js';
import { DEMO_CARE_ORGANISATION, DEMO_JOB_ORGANISATION } from './load-demo-reference.js';

interface DemoUser {
  readonly label: string;
  readonly role: Role;
  readonly sub: string;
  readonly organisationId?: string;
}

const DEMO_USERS: readonly DemoUser[] = [
  { label: 'caseworker (CSAPA, care side)', role: 'caseworker', sub: 'demo.caseworker', organisationId: DEMO_CARE_ORGANISATION },
  { label: 'caseworker (insertion workshop)', role: 'caseworker', sub: 'demo.jobcoach', organisationId: DEMO_JOB_ORGANISATION },
  { label: 'researcher', role: 'researcher', sub: 'demo.researcher' },
  { label: 'evaluator', role: 'evaluator', sub: 'demo.evaluator' },
  { label: 'admin', role: 'admin', sub: 'demo.admin' },
];

/** One token per demo user, signed with the server's secret (demo mode only; 8 hours). */
export async function demoTokens(config: AppConfig): Promise<{ label: string; token: string }[]> {
  const keys = config.auth.keys;
  if (!('secret' in keys)) return [];
  const settings = { secret: keys.secret, issuer: config.auth.issuer, audience: config.auth.audience };
  return Promise.all(
    DEMO_USERS.map(async (user) => ({
      label: user.label,
      token: await mintToken({ role: user.role, sub: user.sub, organisationId: user.organisationId ?? null }, settings),
    })),
  );
}
