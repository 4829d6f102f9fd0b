import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CLOCK, ID_GENERATOR, type Clock, type IdGenerator } from '../../infrastructure/tokens.js';
import { etag, parseIfMatch } from '../../persons/if-match.js';
import { answerAppend, creationIds, eventIdOf, IF_MATCH_HEADER, requestMetadata, today, uuidParam } from '../reference-http.js';
import { ChangeTariffCommand } from './tariff.commands.js';
import { CreateTariffDto, SetTariffDto, WithdrawTariffDto } from './tariff.dto.js';
import { GetTariffQuery, type TariffView } from './tariff.queries.js';
import { Allow } from '../../auth/index.js';

const tariffId = uuidParam('id', 'a tariff id');

@ApiTags('admin: tariffs')
@Controller('admin/tariffs')
export class TariffsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(ID_GENERATOR) private readonly newId: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Set a new tariff (a new tariff stream); amounts are decimal strings' })
  @ApiCreatedResponse({ description: 'The tariff id; Location points at it, ETag is its revision' })
  async create(@Body() body: CreateTariffDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { id: clientId, eventId: clientEventId, ...data } = body;
    const { id, eventId } = creationIds(this.newId, clientId, clientEventId);
    return this.run(reply, 201, new ChangeTariffCommand(id, 'CreateTariff', eventId, { ...data }, undefined, requestMetadata(request)));
  }

  @Get(':id')
  @Allow('admin', 'evaluator')
  @ApiOperation({ summary: 'A tariff as last set, and whether it was withdrawn, folded from its stream' })
  @ApiOkResponse({ description: 'ETag is the revision, for If-Match' })
  async get(@Param('id', tariffId) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<TariffView> {
    const view = await this.queries.execute(new GetTariffQuery(id));
    void reply.header('etag', etag(view.revision));
    return view;
  }

  @Put(':id')
  @Allow('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a tariff again (a corrected amount, a known end): not once withdrawn' })
  @ApiHeader(IF_MATCH_HEADER)
  async change(
    @Param('id', tariffId) id: string,
    @Body() body: SetTariffDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { eventId: clientEventId, ...data } = body;
    const eventId = eventIdOf(this.newId, clientEventId);
    return this.run(reply, 200, new ChangeTariffCommand(id, 'ChangeTariff', eventId, { ...data }, parseIfMatch(ifMatch), requestMetadata(request)));
  }

  @Post(':id/withdraw')
  @Allow('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a tariff: it stays readable, and can no longer change' })
  @ApiHeader(IF_MATCH_HEADER)
  async withdraw(
    @Param('id', tariffId) id: string,
    @Body() body: WithdrawTariffDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const eventId = eventIdOf(this.newId, body.eventId);
    const data = { reason: body.reason, at: body.at ?? today(this.clock) };
    return this.run(reply, 200, new ChangeTariffCommand(id, 'WithdrawTariff', eventId, data, parseIfMatch(ifMatch), requestMetadata(request)));
  }

  private async run(reply: FastifyReply, status: 200 | 201, command: ChangeTariffCommand) {
    const outcome = await this.commands.execute(command);
    return answerAppend(reply, outcome, `/admin/tariffs/${command.tariffId}`, status);
  }
}
