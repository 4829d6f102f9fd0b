import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/current-principal.decorator.js';

/** Who records a fact: stored in every event's metadata (recordedBy). */
export interface RecordedBy {
  readonly userId: string | null;
  readonly organisationId: string | null;
}

/**
 * The recording user and organisation, from the verified token's claims (`sub`, `org`): never
 * from a header the client could set to anything.
 */
export const Recorder = createParamDecorator((_: unknown, context: ExecutionContext): RecordedBy => {
  const principal = principalOf(context.switchToHttp().getRequest<FastifyRequest>());
  return { userId: principal.sub, organisationId: principal.organisationId };
});
