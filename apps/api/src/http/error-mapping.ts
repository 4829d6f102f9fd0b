import { HttpException } from '@nestjs/common';
import { DomainError, InvalidInputError, InvalidValidTimeError, NotFoundError } from '@parcours/domain';
import {
  EventIdConflictError,
  InvalidAppendError,
  InvalidPositionError,
  StoreUnavailableError,
  WrongExpectedVersionError,
} from '@parcours/event-store';
import { ForbiddenError, UnauthenticatedError } from '../auth/auth-errors.js';
import { BadRequestParameterError, ConcurrentModificationError, RevisionMismatchError } from '../application/application-errors.js';
import { errorBody, type ErrorBody } from './error-body.js';

/**
 * The single place where errors become HTTP answers. Anything not recognised is a 500 whose body
 * says nothing of the internals (the log has the details).
 */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof UnauthenticatedError) return errorBody(401, error.code, error.message);
  if (error instanceof ForbiddenError) return errorBody(403, error.code, error.message);
  if (error instanceof InvalidInputError) return errorBody(400, error.code, 'The request is not valid', { errors: [...error.issues] });
  if (error instanceof InvalidValidTimeError) return errorBody(400, error.code, error.message);
  if (error instanceof BadRequestParameterError) {
    return errorBody(400, error.code, error.message, { errors: [{ field: error.field, rule: error.rule, message: error.message }] });
  }
  if (error instanceof InvalidPositionError || error instanceof InvalidAppendError) return errorBody(400, error.code, error.message);
  if (error instanceof NotFoundError) return errorBody(404, error.code, error.message, { details: error.details });
  if (error instanceof DomainError) return errorBody(422, error.code, error.message, { details: error.details });
  if (error instanceof RevisionMismatchError) {
    return errorBody(412, error.code, error.message, { details: { expected: error.expected, actual: error.actual } });
  }
  if (error instanceof WrongExpectedVersionError) {
    return errorBody(409, 'CONCURRENT_MODIFICATION', error.message, { details: { expected: error.expected, actual: error.actual } });
  }
  if (error instanceof ConcurrentModificationError || error instanceof EventIdConflictError) return errorBody(409, error.code, error.message);
  if (error instanceof StoreUnavailableError) return errorBody(503, error.code, 'The event store is unavailable; retry later');
  if (error instanceof HttpException) return fromHttpException(error);
  const fastify = error as { statusCode?: number; code?: string; message?: string };
  if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    // Fastify's own client errors: unparsable JSON, body too large, unsupported media type...
    return errorBody(fastify.statusCode, fastify.code ?? 'BAD_REQUEST', fastify.message ?? 'Bad request');
  }
  return errorBody(500, 'INTERNAL_ERROR', 'Something went wrong on our side; the request id helps us find it');
}

function fromHttpException(error: HttpException): ErrorBody {
  const status = error.getStatus();
  const response = error.getResponse();
  if (isHealthReport(response)) {
    // Terminus's 503: keep its report (which dependency is down and why) inside our error shape.
    return { ...errorBody(status, 'UNHEALTHY', 'A dependency is down'), ...response } as ErrorBody;
  }
  const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? error.message);
  const code = status === 404 ? 'NOT_FOUND' : status === 405 ? 'METHOD_NOT_ALLOWED' : `HTTP_${status}`;
  return errorBody(status, code, message);
}

function isHealthReport(response: unknown): response is { status: string; info: unknown; error: unknown; details: unknown } {
  return typeof response === 'object' && response !== null && 'details' in response && 'status' in response && 'info' in response;
}
