import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { comparePositions } from '@parcours/event-store';
import type { FastifyReply } from 'fastify';
import { markFreshness, ReadYourWrites } from '../projections/index.js';
import { uuidParam } from '../reference/reference-http.js';
import { CohortCosts } from './cohort-costs.js';
import { CohortCostsQueryDto } from './cohort-costs-query.dto.js';
import { publishedDeep } from '@parcours/domain';
import { Allow } from '../auth/index.js';

@ApiTags('cohorts: costs')
@Controller('cohorts')
export class CohortCostsController {
  constructor(
    private readonly cohortCosts: CohortCosts,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get(':id/costs')
  @Allow('evaluator', 'researcher')
  @ApiOperation({ summary: "A cohort's costs: total and breakdown (min/mid/max cents), persons contributing, per-person mean and median, cost per outcome; small cells hidden" })
  @ApiOkResponse({ description: 'Amounts in integer cents; a hidden figure is { "suppressed": true }. docs/costs.md' })
  async costs(@Param('id', uuidParam('id', 'a cohort id')) id: string, @Query() query: CohortCostsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    // Costs read two read models: the persons' paths and the tariffs. Both must have the write.
    const [parcours, tariffs] = await Promise.all([this.readYourWrites.ensure('parcours', query.minPosition), this.readYourWrites.ensure('tariffs', query.minPosition)]);
    markFreshness(reply, { stale: parcours.stale || tariffs.stale, position: comparePositions(parcours.position, tariffs.position) <= 0 ? parcours.position : tariffs.position });
    const groupBy = query.groupBy ?? 'field';
    const currency = query.currency ?? 'EUR';
    const period = query.period ?? 'path';
    const { loaded, tariffsPosition, view } = await this.cohortCosts.view(id, groupBy, currency, period);
    return publishedDeep({
      cohortId: id,
      name: loaded.definition.name,
      retired: loaded.retired,
      cutoff: new Date(loaded.cutoff).toISOString(),
      period,
      positions: { parcours: loaded.position, tariffs: tariffsPosition },
      ...view,
    });
  }
}
