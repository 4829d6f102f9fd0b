import { Body, Controller, Delete, HttpCode, Param, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadRequestParameterError } from '../application/application-errors.js';
import { Allow } from '../auth/index.js';
import { Recorder, type RecordedBy } from '../http/recorded-by.js';
import { uuidParam } from '../reference/reference-http.js';
import { ErasePersonCommand } from './erase-person.command.js';
import { ErasureReasonDto } from './erase-person.dto.js';
import type { ErasureOutcome } from './erasure-outcome.js';

@ApiTags('persons')
@Controller('persons')
export class ErasureController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':id')
  @Allow('admin')
  @HttpCode(200)
  @ApiOperation({
    summary: "Erase a person (crypto-shredding): destroys their data key, so identity and free text are unreadable everywhere, and records PersonErased. Repeating it answers the same",
  })
  @ApiOkResponse({ description: 'Erased: revision and position of PersonErased, when the key was destroyed, whether the read models are purged yet' })
  async erase(
    @Param('id', uuidParam('id', 'a person id')) id: string,
    @Body() body: ErasureReasonDto,
    @Query() query: ErasureReasonDto,
    @Recorder() recordedBy: RecordedBy,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ErasureOutcome> {
    const reason = requiredReason(body?.reason ?? query.reason);
    const metadata = { requestId: String(request.id), recordedBy: { ...recordedBy } };
    const outcome = await this.commands.execute(new ErasePersonCommand(id.toLowerCase(), reason, metadata));
    if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
    return outcome;
  }
}

function requiredReason(reason: string | undefined): string {
  if (reason === undefined) {
    throw new BadRequestParameterError('reason', 'required', 'is required, in the body or the query: why the person is erased (e.g. "request of the person, GDPR art. 17")');
  }
  return reason;
}
