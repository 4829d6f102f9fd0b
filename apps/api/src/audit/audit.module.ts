import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR, HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { AuditController } from './audit.controller.js';
import { AuditInterceptor } from './audit.interceptor.js';
import { AuditLog } from './audit-log.js';
import { installAuditHook } from './audit-send.hook.js';
import { AuditTrail } from './audit-trail.js';

/** The audit trail of reads and exports (docs/security.md, "Audit trail"). */
@Module({
  controllers: [AuditController],
  providers: [AuditTrail, AuditLog, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  exports: [AuditTrail],
})
export class AuditModule implements OnModuleInit {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly trail: AuditTrail,
  ) {}

  /** Runs before the server is ready, while Fastify still accepts hooks. */
  onModuleInit(): void {
    // The CLI builds an application context without an HTTP server: nothing to hook.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    installAuditHook(fastify, this.trail, (error, request) => this.logger.error({ err: error, requestId: request.id }, 'audit trail append failed: a successful answer was replaced by a 503'));
  }
}
