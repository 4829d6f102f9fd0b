import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts/cohorts.module.js';
import { CohortOutcomesController } from './cohort-outcomes.controller.js';
import { CohortOutcomeViews } from './cohort-outcome-views.js';

/** Outcomes of cohorts for evaluators and researchers: GET /cohorts/:id/outcomes. */
@Module({
  imports: [CohortsModule],
  controllers: [CohortOutcomesController],
  providers: [CohortOutcomeViews],
})
export class OutcomesModule {}
