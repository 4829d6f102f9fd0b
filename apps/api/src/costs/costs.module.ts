import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts/cohorts.module.js';
import { ProjectionsModule } from '../projections/index.js';
import { CohortCosts } from './cohort-costs.js';
import { CohortCostsController } from './cohort-costs.controller.js';
import { tariffsProjection } from './tariffs.projection.js';

/** Costs of paths for evaluators: the tariffs read model and GET /cohorts/:id/costs. */
@Module({
  imports: [CohortsModule, ProjectionsModule.forFeature([tariffsProjection])],
  controllers: [CohortCostsController],
  providers: [CohortCosts],
})
export class CostsModule {}
