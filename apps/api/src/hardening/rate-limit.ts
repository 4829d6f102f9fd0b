import { type CanActivate, type DynamicModule, type ExecutionContext, Inject, Injectable, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { RateLimitedError, RateLimiter } from './rate-limiter.js';

const RATE_LIMITER = Symbol('RateLimiter');

/**
 * One budget per caller for the whole API: the token subject once authenticated (users behind one
 * proxy are not limited together), the client IP on public routes. It runs after the
 * authentication guard (see RateLimitModule), so `principal` is known; a refused token is answered
 * 401 before it counts.
 *
 * Not @nestjs/throttler: that package is CommonJS and requires @nestjs/common 12, which is
 * ESM-only; Node 20 loads it, Jest's module runtime cannot (no require(esm) before Node 24.9).
 */
@Injectable()
export class CallerRateLimitGuard implements CanActivate {
  constructor(@Inject(RATE_LIMITER) private readonly limiter: RateLimiter) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const caller = request.principal ? `sub:${request.principal.sub}` : `ip:${request.ip}`;
    const admission = this.limiter.admit(caller);
    void reply.header('x-ratelimit-limit', this.limiter.perMinute);
    if (!admission.allowed) {
      void reply.header('retry-after', admission.retryAfterSeconds).header('x-ratelimit-remaining', 0);
      throw new RateLimitedError(admission.retryAfterSeconds);
    }
    void reply.header('x-ratelimit-remaining', admission.remaining);
    return true;
  }
}

/**
 * PARCOURS_RATE_LIMIT requests a minute per caller, 429 with Retry-After beyond; 0 registers
 * nothing (load benchmarks, a gateway that limits already). Import it after AuthModule: Nest
 * runs global guards in the order their modules are imported.
 */
@Module({})
export class RateLimitModule {
  static forRoot(perMinute: number): DynamicModule {
    if (perMinute === 0) return { module: RateLimitModule };
    return {
      module: RateLimitModule,
      providers: [
        { provide: RATE_LIMITER, useFactory: (clock: Clock) => new RateLimiter(perMinute, () => clock().getTime()), inject: [CLOCK] },
        { provide: APP_GUARD, useClass: CallerRateLimitGuard },
      ],
    };
  }
}
