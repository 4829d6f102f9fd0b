import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts/cohorts.module.js';
import { CohortTransitions } from './cohort-transitions.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../infrastructure/tokens.js';
import { EXPORT_KEY, exportKeyFrom } from './export-key.js';
import { ExportsController } from './exports.controller.js';
import { ResearchExports } from './research-exports.js';

/**
 * Monthly state sequences of cohorts: GET /cohorts/:id/transitions and the research files under
 * /cohorts/:id/exports. The export key is read from the environment here until it moves into
 * the application configuration.
 */
@Module({
  imports: [CohortsModule],
  controllers: [ExportsController],
  providers: [{ provide: EXPORT_KEY, useFactory: (config: AppConfig) => exportKeyFrom({ PARCOURS_EXPORT_KEY: config.exportKey }), inject: [APP_CONFIG] }, ResearchExports, CohortTransitions],
  exports: [ResearchExports],
})
export class ExportsModule {}
