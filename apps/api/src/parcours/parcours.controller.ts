import { Readable } from 'node:stream';
import { Controller, Get, Headers, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ACCEPTED_VALID_TIME_FORMS, parseValidTime, type ParcoursView } from '@parcours/domain';
import type { FastifyReply } from 'fastify';
import { markFreshness, ReadYourWrites } from '../projections/index.js';
import { BadRequestParameterError } from '../application/application-errors.js';
import { GetParcoursQuery } from './get-parcours.query.js';
import { ParcoursQueryDto } from './parcours-query.dto.js';
import { ParcoursReplay } from './replay.query.js';
import { Allow, CurrentPrincipal, PersonAccess, withoutNotes, type Principal } from '../auth/index.js';
import { Audited } from '../audit/audited.decorator.js';

const personId = new ParseUUIDPipe({ exceptionFactory: () => new BadRequestParameterError('id', 'isUUID', 'must be a person id (UUID)') });

@ApiTags('parcours')
@Controller('persons')
export class ParcoursController {
  constructor(
    private readonly queries: QueryBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly replay: ParcoursReplay,
    private readonly access: PersonAccess,
  ) {}

  @Get(':id/parcours')
  @Allow('caseworker', 'researcher')
  @Audited('person.parcours.read')
  @ApiOperation({ summary: "A person's parcours: lanes, episodes, articulations, periods, indicators; as lived at / as known at a date" })
  async parcours(
    @Param('id', personId) id: string,
    @Query() query: ParcoursQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ParcoursView> {
    const { asLivedAt, asKnownAt } = cuts(query);
    const visibility = await this.access.forReading(principal, id.toLowerCase());
    if (!asKnownAt && !visibility.hideCare) markFreshness(reply, await this.readYourWrites.ensure('parcours', query.minPosition));
    const view = await this.queries.execute(new GetParcoursQuery(id.toLowerCase(), asLivedAt, asKnownAt, visibility.hideCare));
    return visibility.pseudonymised ? withoutNotes(view) : view;
  }

  @Get(':id/replay')
  @Allow('caseworker', 'researcher')
  @Audited('person.replay.read')
  @ApiOperation({ summary: 'The path step by step: one frame per recorded event (JSON lines, or server-sent events with Accept: text/event-stream)' })
  @ApiProduces('application/x-ndjson', 'text/event-stream')
  async replayPath(
    @Param('id', personId) id: string,
    @Query() query: ParcoursQueryDto,
    @Headers('accept') accept: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res() reply: FastifyReply,
  ) {
    const { asLivedAt, asKnownAt } = cuts(query);
    const { hideCare, pseudonymised } = await this.access.forReading(principal, id.toLowerCase());
    const frames = await this.replay.frames(id.toLowerCase(), { ...(asLivedAt ? { asLivedAt } : {}), ...(asKnownAt ? { asKnownAt } : {}), hideCare });
    const sse = (accept ?? '').includes('text/event-stream');
    const body = Readable.from(
      (async function* () {
        for await (const raw of frames) {
          const frame = pseudonymised ? withoutNotes(raw) : raw;
          yield sse ? `id: ${frame.revision}\nevent: frame\ndata: ${JSON.stringify(frame)}\n\n` : `${JSON.stringify(frame)}\n`;
        }
        if (sse) yield 'event: end\ndata: {}\n\n';
      })(),
    );
    return reply.type(sse ? 'text/event-stream; charset=utf-8' : 'application/x-ndjson; charset=utf-8').header('cache-control', 'no-store').send(body);
  }
}

function cuts(query: ParcoursQueryDto): { asLivedAt: string | undefined; asKnownAt: Date | undefined } {
  if (query.asLivedAt !== undefined) {
    try {
      parseValidTime(query.asLivedAt);
    } catch {
      throw new BadRequestParameterError('asLivedAt', 'edtf', `must be an EDTF date; accepted forms: ${ACCEPTED_VALID_TIME_FORMS}`);
    }
  }
  return { asLivedAt: query.asLivedAt, asKnownAt: query.asKnownAt ? new Date(query.asKnownAt) : undefined };
}
