/**
 * The ceilings of bench:api: how many requests per second the HTTP shell alone answers on this
 * machine, under the same load generator, with nothing stored. Not a baseline to beat but a bound
 * to read the target against: an append cannot be faster than the framework that carries it.
 * - `fastify`: a bare Fastify route that parses the JSON body and answers 201 with a small body;
 * - `nest`: the shell the architecture prescribes — NestJS 12 on Fastify, one controller, the
 *   API's own ValidationPipe and envelope DTO (RecordEventDto) — answering 201 the same way.
 * Run as a child process: `node ceiling-servers.js` with PORT and CEILING; prints `listening <port>`.
 */
import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify from 'fastify';
import { validationPipe } from '../../apps/api/src/http/validation.js';
// A value import: the ValidationPipe finds the DTO class through the emitted parameter metadata.
// eslint-disable-next-line @typescript-eslint/consistent-type-imports
import { RecordEventDto } from '../../apps/api/src/persons/dto/record-event.dto.js';

const port = Number(process.env['PORT']);
const kind = process.env['CEILING'];
if (!Number.isInteger(port) || (kind !== 'fastify' && kind !== 'nest')) throw new Error('PORT and CEILING=fastify|nest are required');

let revision = 0;
const answer = (personId: string) => ({ personId, revision: ++revision, position: revision.toString(16).padStart(16, '0') });

@Controller('persons')
class CeilingController {
  @Post(':id/events')
  @HttpCode(201)
  record(@Param('id') id: string, @Body() body: RecordEventDto) {
    return { ...answer(id), type: body.type };
  }
}

@Module({ controllers: [CeilingController] })
class CeilingModule {}

if (kind === 'fastify') {
  const app = Fastify({ logger: false });
  app.post<{ Params: { id: string }; Body: { type: string } }>('/persons/:id/events', async (request, reply) =>
    reply.code(201).send({ ...answer(request.params.id), type: request.body.type }),
  );
  await app.listen({ port, host: '127.0.0.1' });
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
} else {
  const app = await NestFactory.create<NestFastifyApplication>(CeilingModule, new FastifyAdapter(), { logger: false });
  app.useGlobalPipes(validationPipe());
  await app.listen(port, '127.0.0.1');
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}
console.log(`listening ${port}`);
