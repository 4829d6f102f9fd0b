import { SetMetadata } from '@nestjs/common';
import type { AuditedAction } from './audit-entry.js';

export const AUDITED_ACTION = 'parcours:audited';

/**
 * Every call of the route is recorded in the audit trail (who, what, when, why, with what outcome)
 * before its answer leaves; if the record cannot be made, the data is not sent (503).
 */
export const Audited = (action: AuditedAction) => SetMetadata(AUDITED_ACTION, action);
