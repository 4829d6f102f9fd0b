import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ID_GENERATOR, type IdGenerator } from '../../infrastructure/tokens.js';
import { etag, parseIfMatch } from '../../persons/if-match.js';
import { answerAppend, creationIds, eventIdOf, IF_MATCH_HEADER, requestMetadata, uuidParam } from '../reference-http.js';
import { ChangeOrganisationCommand } from './organisation.commands.js';
import { EndConventionDto, RegisterOrganisationDto, RenameOrganisationDto, SignConventionDto } from './organisation.dto.js';
import { GetOrganisationQuery, type OrganisationView } from './organisation.queries.js';
import { Allow } from '../../auth/index.js';

const organisationId = uuidParam('id', 'an organisation id');
const conventionIdParam = uuidParam('conventionId', 'a convention id');

@ApiTags('admin: organisations')
@Controller('admin/organisations')
export class OrganisationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(ID_GENERATOR) private readonly newId: IdGenerator,
  ) {}

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Register an organisation (a new organisation stream)' })
  @ApiCreatedResponse({ description: 'The organisation id; Location points at it, ETag is its revision' })
  async register(@Body() body: RegisterOrganisationDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { id: clientId, eventId: clientEventId, ...data } = body;
    const { id, eventId } = creationIds(this.newId, clientId, clientEventId);
    return this.run(reply, 201, new ChangeOrganisationCommand(id, 'RegisterOrganisation', eventId, { ...data }, undefined, requestMetadata(request)));
  }

  @Get(':id')
  @Allow('admin', 'caseworker', 'researcher', 'evaluator')
  @ApiOperation({ summary: 'An organisation, folded from its stream: profile, former names, conventions' })
  @ApiOkResponse({ description: 'ETag is the revision, for If-Match' })
  async get(@Param('id', organisationId) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<OrganisationView> {
    const view = await this.queries.execute(new GetOrganisationQuery(id));
    void reply.header('etag', etag(view.revision));
    return view;
  }

  @Post(':id/rename')
  @Allow('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rename an organisation (the former name is kept)' })
  @ApiHeader(IF_MATCH_HEADER)
  async rename(
    @Param('id', organisationId) id: string,
    @Body() body: RenameOrganisationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const eventId = eventIdOf(this.newId, body.eventId);
    return this.run(reply, 200, new ChangeOrganisationCommand(id, 'RenameOrganisation', eventId, { name: body.name }, parseIfMatch(ifMatch), requestMetadata(request)));
  }

  @Post(':id/conventions')
  @Allow('admin')
  @ApiOperation({ summary: 'Record a convention signed with another registered organisation' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiCreatedResponse({ description: 'The convention id and where the organisation stream stands' })
  async signConvention(
    @Param('id', organisationId) id: string,
    @Body() body: SignConventionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { eventId: clientEventId, conventionId: clientConventionId, ...data } = body;
    const { id: conventionId, eventId } = creationIds(this.newId, clientConventionId, clientEventId);
    const command = new ChangeOrganisationCommand(id, 'SignConvention', eventId, { ...data, conventionId }, parseIfMatch(ifMatch), requestMetadata(request));
    return this.run(reply, 201, command, { conventionId });
  }

  @Post(':id/conventions/:conventionId/end')
  @Allow('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the end of a convention (not before it started)' })
  @ApiHeader(IF_MATCH_HEADER)
  async endConvention(
    @Param('id', organisationId) id: string,
    @Param('conventionId', conventionIdParam) conventionId: string,
    @Body() body: EndConventionDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const eventId = eventIdOf(this.newId, body.eventId);
    const command = new ChangeOrganisationCommand(id, 'EndConvention', eventId, { conventionId, at: body.at }, parseIfMatch(ifMatch), requestMetadata(request));
    return this.run(reply, 200, command, { conventionId });
  }

  private async run(reply: FastifyReply, status: 200 | 201, command: ChangeOrganisationCommand, extra: Record<string, string> = {}) {
    const outcome = await this.commands.execute(command);
    return answerAppend(reply, outcome, `/admin/organisations/${command.organisationId}`, status, extra);
  }
}
