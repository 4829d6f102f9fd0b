import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { BadRequestParameterError } from '../application/application-errors.js';

/** Who records a fact: stored in every event's metadata (recordedBy). */
export interface RecordedBy {
  readonly userId: string | null;
  readonly organisationId: string | null;
}

const USER = /^[\w.@:-]{1,128}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The recording user and organisation, from the `X-User-Id` and `X-Organisation-Id` headers.
 * Until authentication exists they are the client's declaration, recorded as given (null when
 * absent); once tokens are verified, they come from the token's claims instead.
 */
export const Recorder = createParamDecorator((_: unknown, context: ExecutionContext): RecordedBy => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const user = header(request, 'x-user-id');
  const organisation = header(request, 'x-organisation-id');
  if (user !== null && !USER.test(user)) throw new BadRequestParameterError('X-User-Id', 'matches', 'must be 1-128 letters, digits or . @ : _ -');
  if (organisation !== null && !UUID.test(organisation)) throw new BadRequestParameterError('X-Organisation-Id', 'isUUID', 'must be an organisation id (UUID)');
  return { userId: user, organisationId: organisation?.toLowerCase() ?? null };
});

function header(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
