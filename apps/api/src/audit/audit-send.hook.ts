import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toErrorBody } from '../http/error-mapping.js';
import { outcomeOf } from './audit-entry.js';
import { AuditUnavailableError } from './audit-errors.js';
import type { AuditTrail } from './audit-trail.js';

/** Headers of the withheld answer that would describe it (a file name, its revision). */
const ANSWER_HEADERS = ['content-disposition', 'etag', 'location', 'content-length', 'x-parcours-stale'];

/**
 * The last moment before an answer leaves, for every route: JSON bodies, streams (replay,
 * exports) and error bodies alike. An @Audited request's draft is recorded with the answer's
 * status; when the audit trail fails, a successful answer is replaced by a 503 (its stream is
 * destroyed unread): fail closed. An error answer holds no personal data and is sent as it is.
 */
export function auditOnSend(trail: AuditTrail, onFailure: (error: unknown, request: FastifyRequest) => void) {
  return async function auditSendHook(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    const draft = request.auditDraft;
    if (draft === undefined) return payload;
    // Cleared first: if this answer is replaced, the replacement passes here again.
    request.auditDraft = undefined;
    const status = reply.statusCode;
    try {
      await trail.record({ ...draft, status, outcome: outcomeOf(status) });
      return payload;
    } catch (error) {
      onFailure(error, request);
      if (status >= 400) return payload;
      if (isStream(payload)) payload.destroy();
      for (const header of ANSWER_HEADERS) void reply.removeHeader(header);
      const body = { ...toErrorBody(error instanceof AuditUnavailableError ? error : new AuditUnavailableError(error)), requestId: String(request.id) };
      void reply.code(body.statusCode).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store');
      return JSON.stringify(body);
    }
  };
}

export function installAuditHook(fastify: FastifyInstance, trail: AuditTrail, onFailure: (error: unknown, request: FastifyRequest) => void): void {
  fastify.addHook('onSend', auditOnSend(trail, onFailure));
}

function isStream(payload: unknown): payload is Readable {
  return typeof payload === 'object' && payload !== null && typeof (payload as Readable).pipe === 'function' && typeof (payload as Readable).destroy === 'function';
}
