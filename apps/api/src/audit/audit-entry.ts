import type { JsonObject } from '@parcours/event-store';
import type { Role } from '../auth/principal.js';

/** Audit streams are `audit-<YYYY-MM-DD>` (UTC day): a category no projection reads. */
export const AUDIT_CATEGORY = 'audit';

export function auditStream(day: string): string {
  return `${AUDIT_CATEGORY}-${day}`;
}

/** The UTC day (YYYY-MM-DD) of an instant: the audit stream an entry made then goes to. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * What can be audited, and the event type each action is recorded as. The subject names the
 * route parameter `id`: a person for person reads, a cohort for research exports.
 */
export const AUDITED_ACTIONS = {
  'person.events.read': { type: 'PersonDataRead', subject: 'personId' },
  'person.parcours.read': { type: 'PersonDataRead', subject: 'personId' },
  'person.replay.read': { type: 'PersonDataRead', subject: 'personId' },
  'cohort.export.read': { type: 'ResearchExportRead', subject: 'cohortId' },
  'audit.read': { type: 'AuditTrailRead', subject: null },
} as const satisfies Record<string, { type: string; subject: 'personId' | 'cohortId' | null }>;

export type AuditedAction = keyof typeof AUDITED_ACTIONS;

/** Served: 1xx-3xx; refused: the caller's request was not answered with data (4xx); failed: 5xx. */
export type AuditOutcome = 'served' | 'refused' | 'failed';

export function outcomeOf(status: number): AuditOutcome {
  return status >= 500 ? 'failed' : status >= 400 ? 'refused' : 'served';
}

/** One access, as the interceptor sees it before the answer; the status is added when it is sent. */
export interface AuditDraft {
  readonly action: AuditedAction;
  readonly sub: string;
  readonly role: Role;
  readonly organisationId: string | null;
  readonly method: string;
  /** The route template (`/persons/:id/parcours`), not the URL: the subject is its own field. */
  readonly route: string;
  readonly personId?: string;
  readonly cohortId?: string;
  /** Other path parameters (the export file: `spells.csv`). */
  readonly params: Readonly<Record<string, string>>;
  /** The query as sent (cuts, filters, project): what was asked for. */
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly purpose: string;
  /** True when the caller said why (X-Purpose); false when the purpose is the role's default. */
  readonly purposeDeclared: boolean;
  readonly requestId: string;
}

export interface AuditEntry extends AuditDraft {
  readonly status: number;
  readonly outcome: AuditOutcome;
}

export function entryData(entry: AuditEntry): JsonObject {
  return { ...entry, params: { ...entry.params }, query: { ...entry.query } } as unknown as JsonObject;
}
