import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { principalOf } from '../auth/current-principal.decorator.js';
import { AUDITED_ACTIONS, type AuditDraft, type AuditedAction } from './audit-entry.js';
import { AUDITED_ACTION } from './audited.decorator.js';
import { purposeOf } from './purpose.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on @Audited routes; the onSend hook records it with the status, then clears it. */
    auditDraft?: AuditDraft;
  }
}

/** Longest parameter or query value kept: enough for ids and cuts, not a place to store blobs. */
const MAX_VALUE = 200;
const MAX_KEYS = 20;

/**
 * Global: on @Audited routes, checks X-Purpose (400 before any work) and writes down who asks for
 * what. It does not append: the streaming routes (replay, exports) send their answer themselves,
 * so the moment data leaves is the Fastify onSend hook (audit-send.hook.ts), which records the
 * draft with the actual status and withholds the answer if that fails.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const action = this.reflector.get<AuditedAction | undefined>(AUDITED_ACTION, context.getHandler());
    if (action !== undefined && context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      request.auditDraft = draftOf(action, request);
    }
    return next.handle();
  }
}

export function draftOf(action: AuditedAction, request: FastifyRequest): AuditDraft {
  const principal = principalOf(request);
  const { purpose, declared } = purposeOf(request.headers['x-purpose'], principal.role);
  const { id, ...params } = strings(request.params);
  const subject = AUDITED_ACTIONS[action].subject;
  return {
    action,
    sub: principal.sub,
    role: principal.role,
    organisationId: principal.organisationId,
    method: request.method,
    route: request.routeOptions.url ?? request.url.split('?')[0]!,
    ...(subject !== null && typeof id === 'string' ? { [subject]: id.toLowerCase() } : {}),
    params: params as Record<string, string>,
    query: strings(request.query),
    purpose,
    purposeDeclared: declared,
    requestId: String(request.id),
  };
}

/** The string (and string list) values of a params or query object, bounded in count and length. */
function strings(source: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (typeof source !== 'object' || source === null) return out;
  for (const [key, value] of Object.entries(source).slice(0, MAX_KEYS)) {
    if (typeof value === 'string') out[key.slice(0, MAX_VALUE)] = value.slice(0, MAX_VALUE);
    else if (Array.isArray(value)) out[key.slice(0, MAX_VALUE)] = value.slice(0, MAX_KEYS).map((v) => String(v).slice(0, MAX_VALUE));
  }
  return out;
}
