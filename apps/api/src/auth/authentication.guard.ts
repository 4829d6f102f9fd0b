import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './access.decorators.js';
import { ForbiddenError, UnauthenticatedError } from './auth-errors.js';
import type { Principal, Role } from './principal.js';
import { TokenVerifier } from './tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication guard once the bearer token is verified. */
    principal?: Principal;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Global guard: every route needs a verified bearer token unless it is marked @Public(), and the
 * token's role must be one the route @Allow()s. A route that declares no roles is refused to
 * everybody: forgetting the declaration closes the route instead of opening it.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = await this.verifier.verify(bearerToken(request));
    request.principal = principal;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets) ?? [];
    if (!allowed.includes(principal.role)) {
      throw new ForbiddenError(allowed.length === 0 ? 'This route has no access policy: nobody may call it' : `The ${principal.role} role may not call this route (allowed: ${allowed.join(', ')})`);
    }
    return true;
  }
}

function bearerToken(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (header === undefined || header === '') throw new UnauthenticatedError('A bearer token is required (Authorization: Bearer <token>)');
  const match = BEARER.exec(header.trim());
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <JWT>"');
  return match[1]!;
}
