import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { OriginRule, SequenceField } from '@parcours/domain';
import { markFreshness, ReadYourWrites } from '../projections/index.js';
import { uuidParam } from '../reference/reference-http.js';
import { CohortTransitions } from './cohort-transitions.js';
import { csvStream } from './csv-stream.js';
import { exportFile, exportRequest } from './export-request.js';
import { ExportQueryDto, TransitionsQueryDto } from './export-query.dto.js';
import { ResearchExports } from './research-exports.js';
import { Allow } from '../auth/index.js';
import { Audited } from '../audit/audited.decorator.js';

const cohortId = uuidParam('id', 'a cohort id');

/** Monthly sequences of a cohort: aggregate transitions for evaluators, pseudonymised files for researchers (docs/research-exports.md). */
@ApiTags('research exports')
@Controller('cohorts')
export class ExportsController {
  constructor(
    private readonly exports: ResearchExports,
    private readonly transitions: CohortTransitions,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Get(':id/transitions')
  @Allow('evaluator', 'researcher')
  @ApiOperation({ summary: 'Monthly transition rates (TraMineR seqtrate) and state distribution per month (seqstatd) of one field; counts under 11 hidden' })
  async transitionRates(@Param('id', cohortId) id: string, @Query() query: TransitionsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    markFreshness(reply, await this.readYourWrites.ensure('parcours', query.minPosition));
    return this.transitions.of(id, query.field as SequenceField, (query.origin ?? 'entry') as OriginRule);
  }

  @Get(':id/exports/:file')
  @Allow('researcher')
  @Audited('cohort.export.read')
  @ApiOperation({
    summary: 'A research file (<kind>.csv) or its metadata (<kind>.json): kind in spells, sequences, events, persons, alphabet, survival; members with research consent only, pseudonymised per project',
  })
  @ApiProduces('text/csv', 'application/json')
  async file(@Param('id', cohortId) id: string, @Param('file') file: string, @Query() query: ExportQueryDto, @Res() reply: FastifyReply) {
    const { kind, extension } = exportFile(file);
    const request = exportRequest(kind, query.field, query.project, query.origin);
    const freshness = await this.readYourWrites.ensure('parcours', query.minPosition);
    const prepared = await this.exports.prepare(id, request);
    markFreshness(reply, freshness);
    // Person-level data, even pseudonymised: never kept by a proxy or a browser cache.
    void reply.header('cache-control', 'no-store');
    if (extension === 'json') return reply.type('application/json; charset=utf-8').send(prepared.metadata);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${prepared.fileName}"`)
      .send(csvStream(prepared.file));
  }
}
