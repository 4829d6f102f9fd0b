import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { markFreshness, ReadYourWrites } from '../projections/index.js';
import { uuidParam } from '../reference/reference-http.js';
import { CohortOutcomeViews, type CohortOutcomesView } from './cohort-outcome-views.js';
import { CohortOutcomesQueryDto } from './outcomes-query.dto.js';
import { Allow } from '../auth/index.js';

@ApiTags('cohorts: outcomes')
@Controller('cohorts')
export class CohortOutcomesController {
  constructor(
    private readonly views: CohortOutcomeViews,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get(':id/outcomes')
  @Allow('evaluator', 'researcher')
  @ApiOperation({ summary: "A cohort's outcomes: employment at 6/12/24 months, days to first job (Kaplan–Meier), care, training, hand-offs, exits, employability tiers; small cells hidden" })
  @ApiOkResponse({ description: 'Each indicator with its version and written definition (docs/indicators.md); a hidden figure is { "suppressed": true }' })
  async outcomes(@Param('id', uuidParam('id', 'a cohort id')) id: string, @Query() query: CohortOutcomesQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<CohortOutcomesView> {
    markFreshness(reply, await this.readYourWrites.ensure('parcours', query.minPosition));
    return this.views.view(id);
  }
}
