import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { EventStore } from '@parcours/event-store';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config/app-config.js';
import { HealthModule } from './health/health.module.js';
import { RateLimitModule } from './hardening/rate-limit.js';
import { AllErrorsFilter } from './http/all-errors.filter.js';
import { InfrastructureModule } from './infrastructure/infrastructure.module.js';
import type { Clock } from './infrastructure/tokens.js';
import { CohortsModule } from './cohorts/cohorts.module.js';
import { OutcomesModule } from './outcomes/outcomes.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { CostsModule } from './costs/costs.module.js';
import { ErasureModule } from './erasure/erasure.module.js';
import { ParcoursModule } from './parcours/parcours.module.js';
import { PersonsModule } from './persons/persons.module.js';
import { ProjectionsModule } from './projections/projections.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { UiModule } from './ui/ui.module.js';

export interface AppOverrides {
  /** An already opened store (tests share one across app instances). */
  readonly store?: EventStore;
  readonly clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: AppOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Fastify assigns the request id (from X-Request-Id or a new UUID): log that one.
            genReqId: (req) => (req as unknown as { id: string }).id,
            customProps: (req) => ({ requestId: (req as unknown as { id: string }).id }),
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            quietReqLogger: true,
          },
        }),
        CqrsModule.forRoot(),
        InfrastructureModule.forRoot(config, overrides),
        AuthModule.forRoot(config),
        // After AuthModule: its guard must run first, so that limits count per token subject.
        RateLimitModule.forRoot(config.rateLimitPerMinute),
        AuditModule,
        ProjectionsModule.forRoot(),
        HealthModule,
        PersonsModule,
        ReferenceModule,
        ParcoursModule,
        CohortsModule,
        OutcomesModule,
        ExportsModule,
        CostsModule,
        ErasureModule,
        UiModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AllErrorsFilter }],
    };
  }
}
