import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorBody } from './error-mapping.js';

/** Maps every error to the one error body; logs server errors with the request id. */
@Catch()
export class AllErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = { ...toErrorBody(error), requestId: String(request.id) };
    if (body.statusCode >= 500) this.logger.error({ err: error, requestId: request.id }, 'request failed');
    // RFC 6750: a 401 says how to authenticate, and why the token was refused.
    if (body.statusCode === 401) void reply.header('www-authenticate', `Bearer realm="parcours", error="invalid_token", error_description="${body.message.replace(/"/g, "'")}"`);
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
