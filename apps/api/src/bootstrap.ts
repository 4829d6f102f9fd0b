import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { v7 as uuidv7 } from 'uuid';
import { AppModule, type AppOverrides } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { validationPipe } from './http/validation.js';
import { addPersonEventSchemas } from './http/openapi-events.js';
import { applySecurityHeaders } from './hardening/security-headers.js';
import { frameworkErrors, routeFastifyErrorsThroughNest } from './hardening/fastify-errors.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds the HTTP application (not listening yet): used by main.ts and by the e2e tests. */
export async function createApp(config: AppConfig, overrides: AppOverrides = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimit,
    // Keep a caller's request id (X-Request-Id) when it is sane, else make one; it is on every
    // log line and echoed in the response.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : uuidv7();
    },
    logger: false,
    frameworkErrors,
  });
  routeFastifyErrorsThroughNest(adapter);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, overrides), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  await applySecurityHeaders(app, config);
  const fastify = app.getHttpAdapter().getInstance();
  // JSON only: without this, Fastify would hand a text/plain body to the validators (a 400)
  // where the honest answer is 415.
  fastify.removeContentTypeParser(['text/plain']);
  // Graceful shutdown: requests already received are answered, then their keep-alive
  // connections close (Connection: close) so the server can stop instead of waiting for clients.
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
    fastify.server.closeIdleConnections();
  });
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (closing) void reply.header('connection', 'close');
  });

  const openapi = new DocumentBuilder()
    .setTitle('Parcours')
    .setDescription('Event-sourced life paths in addiction care and socio-professional insertion')
    .setVersion('0.1.0')
    .build();
  SwaggerModule.setup('docs', app, () => addPersonEventSchemas(SwaggerModule.createDocument(app, openapi)), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
