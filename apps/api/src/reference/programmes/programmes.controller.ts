import { Body, Controller, Delete, Get, Headers, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ID_GENERATOR, type IdGenerator } from '../../infrastructure/tokens.js';
import { etag, parseIfMatch } from '../../persons/if-match.js';
import { answerAppend, creationIds, IF_MATCH_HEADER, requestMetadata, uuidParam } from '../reference-http.js';
import { ChangeProgrammeCommand } from './programme.commands.js';
import { DefineCanvasPeriodDto, DefineProgrammeDto } from './programme.dto.js';
import { GetProgrammeQuery, type ProgrammeView } from './programme.queries.js';
import { Allow } from '../../auth/index.js';

const programmeId = uuidParam('id', 'a programme id');
const periodIdParam = uuidParam('periodId', 'a canvas period id');

@ApiTags('admin: programmes')
@Controller('admin/programmes')
export class ProgrammesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(ID_GENERATOR) private readonly newId: IdGenerator,
  ) {}

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Define a programme (a new programme stream)' })
  @ApiCreatedResponse({ description: 'The programme id; Location points at it, ETag is its revision' })
  async define(@Body() body: DefineProgrammeDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { id: clientId, eventId: clientEventId, ...data } = body;
    const { id, eventId } = creationIds(this.newId, clientId, clientEventId);
    return this.run(reply, 201, new ChangeProgrammeCommand(id, 'DefineProgramme', eventId, { ...data }, undefined, requestMetadata(request)));
  }

  @Get(':id')
  @Allow('admin', 'caseworker', 'researcher', 'evaluator')
  @ApiOperation({ summary: 'A programme and its canvas periods in order, folded from its stream' })
  @ApiOkResponse({ description: 'ETag is the revision, for If-Match' })
  async get(@Param('id', programmeId) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<ProgrammeView> {
    const view = await this.queries.execute(new GetProgrammeQuery(id));
    void reply.header('etag', etag(view.revision));
    return view;
  }

  @Post(':id/periods')
  @Allow('admin')
  @ApiOperation({ summary: 'Add a canvas period (no overlap with the others, a label of its own)' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiCreatedResponse({ description: 'The period id and where the programme stream stands' })
  async definePeriod(
    @Param('id', programmeId) id: string,
    @Body() body: DefineCanvasPeriodDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { eventId: clientEventId, periodId: clientPeriodId, ...data } = body;
    const { id: periodId, eventId } = creationIds(this.newId, clientPeriodId, clientEventId);
    const command = new ChangeProgrammeCommand(id, 'DefineCanvasPeriod', eventId, { ...data, periodId }, parseIfMatch(ifMatch), requestMetadata(request));
    return this.run(reply, 201, command, { periodId });
  }

  @Delete(':id/periods/:periodId')
  @Allow('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove a canvas period (its id is not reused)' })
  @ApiHeader(IF_MATCH_HEADER)
  async removePeriod(
    @Param('id', programmeId) id: string,
    @Param('periodId', periodIdParam) periodId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command = new ChangeProgrammeCommand(id, 'RemoveCanvasPeriod', this.newId(), { periodId }, parseIfMatch(ifMatch), requestMetadata(request));
    return this.run(reply, 200, command, { periodId });
  }

  private async run(reply: FastifyReply, status: 200 | 201, command: ChangeProgrammeCommand, extra: Record<string, string> = {}) {
    const outcome = await this.commands.execute(command);
    return answerAppend(reply, outcome, `/admin/programmes/${command.programmeId}`, status, extra);
  }
}
