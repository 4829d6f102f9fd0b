import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { toErrorBody } from '../http/error-mapping.js';

type ErrorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => unknown;

/**
 * Sends Fastify's own errors (unparsable JSON, a body too large, a media type without parser)
 * through Nest's exception layer, hence AllErrorsFilter: the one error body, with the request id.
 *
 * Why this is needed: a Fastify route keeps the error handler its instance has when the route is
 * loaded, and Nest loads its routes during init() before it installs its own handler, so those
 * errors used to get Fastify's default body. Here a handler is installed before any route exists,
 * and Nest's handler, when Nest sets it, becomes the one it calls.
 */
export function routeFastifyErrorsThroughNest(adapter: FastifyAdapter): void {
  let nest: ErrorHandler | undefined;
  adapter.getInstance().setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (nest) return nest(error, request, reply);
    // Only before Nest's init: the same body, without the filter's logging.
    return reply.status(toErrorBody(error).statusCode).send({ ...toErrorBody(error), requestId: String(request.id) });
  });
  adapter.setErrorHandler = ((handler: ErrorHandler) => {
    nest = handler;
    return adapter.getInstance();
  }) as FastifyAdapter['setErrorHandler'];
}

/**
 * Errors Fastify's router raises before any route or handler (a malformed percent-encoding in the
 * URL, a path parameter over maxParamLength): without this option Fastify writes its own body.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const body = { ...toErrorBody(error), requestId: String(request.id) };
  void reply.code(body.statusCode).header('content-type', 'application/json; charset=utf-8').header('x-request-id', String(request.id)).send(body);
}
