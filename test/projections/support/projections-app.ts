import { Controller, Get, Module, Query, Res } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { FastifyReply } from 'fastify';
import { AppModule } from '../../../apps/api/src/app.module.js';
import { type AppConfig, loadConfig } from '../../../apps/api/src/config/app-config.js';
import { validationPipe } from '../../../apps/api/src/http/validation.js';
import { ProjectionRunner } from '../../../apps/api/src/projections/projection-runner.js';
import { ProjectionsModule } from '../../../apps/api/src/projections/projections.module.js';
import { ReadModelDatabase } from '../../../apps/api/src/projections/read-model-database.js';
import { markFreshness, ReadYourWrites } from '../../../apps/api/src/projections/read-your-writes.js';
import { countingProjection, readCounts } from './counting-projection.js';
import { TEST_SECRETS_ENV } from '../../support/auth.js';
import { Allow } from '../../../apps/api/src/auth/index.js';

/** A query controller as a feature module would write one: read-your-writes, then the active tables. */
@Controller('test/counts')
class CountsController {
  constructor(
    private readonly runner: ProjectionRunner,
    private readonly database: ReadModelDatabase,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get()
  @Allow('caseworker')
  async counts(@Query('minPosition') minPosition: string | undefined, @Query('maxWaitMs') maxWaitMs: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const freshness = await this.readYourWrites.ensure('counter', minPosition, maxWaitMs ? { maxWaitMs: Number(maxWaitMs) } : {});
    markFreshness(reply, freshness);
    return readCounts(this.database.connection, this.runner.tableFor('counter'));
  }
}

/** A feature module registering its projection, as the domain's read models will. */
@Module({ imports: [ProjectionsModule.forFeature([countingProjection()])], controllers: [CountsController] })
export class CountingFeatureModule {}

export function testConfig(dbPath: string): AppConfig {
  return loadConfig({ ...TEST_SECRETS_ENV, PARCOURS_DB: dbPath, LOG_LEVEL: 'silent' }, []);
}

/** The real AppModule plus the counting feature, served over HTTP (so the runner starts by itself). */
export async function startProjectionsApp(config: AppConfig): Promise<NestFastifyApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config), CountingFeatureModule] }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
  app.useGlobalPipes(validationPipe());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
