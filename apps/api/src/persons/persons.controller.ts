import { Body, Controller, Get, Headers, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadRequestParameterError } from '../application/application-errors.js';
import { Recorder, type RecordedBy } from '../http/recorded-by.js';
import { CLOCK, ID_GENERATOR, type Clock, type IdGenerator } from '../infrastructure/tokens.js';
import type { AppendOutcome } from './commands/append-outcome.js';
import { RecordPersonEventsCommand } from './commands/record-person-events.command.js';
import { RegisterPersonCommand } from './commands/register-person.command.js';
import { ListEventsQueryDto } from './dto/list-events.query.dto.js';
import { RecordBatchDto } from './dto/record-batch.dto.js';
import { RecordEventDto } from './dto/record-event.dto.js';
import { RegisterPersonDto } from './dto/register-person.dto.js';
import { etag, parseIfMatch } from './if-match.js';
import { GetPersonEventsQuery, type PersonEventsPage } from './queries/get-person-events.query.js';
import { Allow, CurrentPrincipal, PersonAccess, type Principal } from '../auth/index.js';
import { Audited } from '../audit/audited.decorator.js';

const personId = new ParseUUIDPipe({
  exceptionFactory: () => new BadRequestParameterError('id', 'isUUID', 'must be a person id (UUID)'),
});

@ApiTags('persons')
@Controller('persons')
export class PersonsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(ID_GENERATOR) private readonly newId: IdGenerator,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: PersonAccess,
  ) {}

  @Post()
  @Allow('caseworker')
  @ApiOperation({ summary: 'Register a person (appends PersonRegistered to a new person stream)' })
  @ApiCreatedResponse({ description: 'The person id; Location points at the events' })
  async register(
    @Body() body: RegisterPersonDto,
    @Recorder() recordedBy: RecordedBy,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { id, eventId, occurredAt, ...data } = body;
    const today = this.clock().toISOString().slice(0, 10);
    const outcome = await this.commands.execute(
      new RegisterPersonCommand(id ?? this.newId(), eventId ?? this.newId(), { ...data, occurredAt: occurredAt ?? today }, metadata(request, recordedBy)),
    );
    void reply.header('location', `/persons/${outcome.personId}`).header('etag', etag(outcome.revision));
    return { id: outcome.personId, ...describe(outcome) };
  }

  @Post(':id/events')
  @Allow('caseworker')
  @ApiOperation({ summary: 'Record one event about a person' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag last read: refuse (412) if the path has changed since' })
  async record(
    @Param('id', personId) id: string,
    @Body() body: RecordEventDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Recorder() recordedBy: RecordedBy,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.access.forAppending(principal, id, [body]);
    const outcome = await this.commands.execute(
      new RecordPersonEventsCommand(id, [{ ...body, eventId: body.eventId ?? this.newId() }], parseIfMatch(ifMatch), metadata(request, recordedBy), ''),
    );
    return this.created(reply, outcome);
  }

  @Post(':id/events/batch')
  @Allow('caseworker')
  @ApiOperation({ summary: 'Record several events about a person, atomically' })
  @ApiHeader({ name: 'If-Match', required: false })
  async recordBatch(
    @Param('id', personId) id: string,
    @Body() body: RecordBatchDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Recorder() recordedBy: RecordedBy,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.access.forAppending(principal, id, body.events);
    const events = body.events.map((e) => ({ ...e, eventId: e.eventId ?? this.newId() }));
    const outcome = await this.commands.execute(
      new RecordPersonEventsCommand(id, events, parseIfMatch(ifMatch), metadata(request, recordedBy), 'events'),
    );
    return this.created(reply, outcome);
  }

  @Get(':id/events')
  @Allow('caseworker', 'researcher')
  @Audited('person.events.read')
  @HttpCode(200)
  @ApiOperation({ summary: "A person's raw history, with valid and recorded times, paginated by revision" })
  async events(
    @Param('id', personId) id: string,
    @Query() query: ListEventsQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PersonEventsPage> {
    const visibility = await this.access.forReading(principal, id.toLowerCase());
    const page = await this.queries.execute(new GetPersonEventsQuery(id, query.fromRevision ?? 0, query.limit ?? 100, visibility));
    void reply.header('etag', etag(page.revision));
    return page;
  }

  private created(reply: FastifyReply, outcome: AppendOutcome) {
    void reply.status(201).header('etag', etag(outcome.revision)).header('location', `/persons/${outcome.personId}/events`);
    if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
    return describe(outcome);
  }
}

function metadata(request: FastifyRequest, recordedBy: RecordedBy) {
  return { requestId: String(request.id), recordedBy: { ...recordedBy } };
}

function describe(outcome: AppendOutcome) {
  return { personId: outcome.personId, revision: outcome.revision, position: outcome.position, eventIds: outcome.eventIds, replayed: outcome.replayed };
}
