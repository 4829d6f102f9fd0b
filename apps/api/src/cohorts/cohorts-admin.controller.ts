import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { cohortDecider, NotFoundError } from '@parcours/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ID_GENERATOR, type IdGenerator } from '../infrastructure/tokens.js';
import { etag } from '../persons/if-match.js';
import { answerAppend, creationIds, eventIdOf, requestMetadata, uuidParam } from '../reference/reference-http.js';
import { ReferenceStreamRepository } from '../reference/reference-stream.repository.js';
import { ChangeCohortCommand } from './cohort.commands.js';
import { DefineCohortDto, RetireCohortDto } from './cohort.dto.js';
import { Allow } from '../auth/index.js';

const cohortId = uuidParam('id', 'a cohort id');

/** Cohort definitions: reference data, one stream each (`cohort-<uuid>`). */
@ApiTags('admin: cohorts')
@Controller('admin/cohorts')
export class CohortsAdminController {
  constructor(
    private readonly commands: CommandBus,
    private readonly streams: ReferenceStreamRepository,
    @Inject(ID_GENERATOR) private readonly newId: IdGenerator,
  ) {}

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Define a cohort by rules: programme or organisation, entry rule and period, gender, birth-year band' })
  @ApiCreatedResponse({ description: 'The cohort id; its views are under /cohorts/{id}' })
  async define(@Body() body: DefineCohortDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { id: clientId, eventId: clientEventId, ...data } = body;
    const { id, eventId } = creationIds(this.newId, clientId, clientEventId);
    const outcome = await this.commands.execute(new ChangeCohortCommand(id, 'DefineCohort', eventId, { ...data }, requestMetadata(request)));
    return answerAppend(reply, outcome, `/admin/cohorts/${id}`, 201);
  }

  @Get(':id')
  @Allow('admin', 'evaluator', 'researcher')
  @ApiOperation({ summary: "A cohort's definition" })
  async get(@Param('id', cohortId) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const loaded = await this.streams.load(cohortDecider, id);
    if (!loaded.state.definition) throw new NotFoundError('COHORT_NOT_FOUND', `No cohort with id ${id}`);
    void reply.header('etag', etag(loaded.revision));
    return { id, revision: loaded.revision, retired: loaded.state.retired, definition: loaded.state.definition };
  }

  @Post(':id/retire')
  @Allow('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire a cohort (its definition stays, for reproducibility)' })
  async retire(@Param('id', cohortId) id: string, @Body() body: RetireCohortDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const outcome = await this.commands.execute(new ChangeCohortCommand(id, 'RetireCohort', eventIdOf(this.newId, body.eventId), { reason: body.reason }, requestMetadata(request)));
    return answerAppend(reply, outcome, `/admin/cohorts/${id}`, 200);
  }
}
