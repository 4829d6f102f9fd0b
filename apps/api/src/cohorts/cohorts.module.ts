import { Module } from '@nestjs/common';
import { ReferenceModule } from '../reference/reference.module.js';
import { ChangeCohortHandler } from './cohort.commands.js';
import { CohortAnalytics } from './cohort-analytics.js';
import { CohortsAdminController } from './cohorts-admin.controller.js';

/** Cohorts: definitions (admin) and the aggregate views over their members (evaluators, researchers). */
@Module({
  imports: [ReferenceModule],
  controllers: [CohortsAdminController],
  providers: [ChangeCohortHandler, CohortAnalytics],
  exports: [CohortAnalytics],
})
export class CohortsModule {}
