import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { UnauthenticatedError } from './auth-errors.js';
import type { Principal } from './principal.js';

/** The verified caller of a guarded route. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => principalOf(context.switchToHttp().getRequest<FastifyRequest>()));

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthenticatedError('A bearer token is required (Authorization: Bearer <token>)');
  return request.principal;
}
