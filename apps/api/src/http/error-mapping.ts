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
import { AuditUnavailableError } from '../audit/audit-errors.js';
import { RateLimitedError } from '../hardening/rate-limiter.js';
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
  if (error instanceof AuditUnavailableError) return errorBody(503, error.code, error.message);
  // The guard has set Retry-After on the reply.
  if (error instanceof RateLimitedError) return errorBody(429, error.code, error.message, { details: { retryAfterSeconds: error.retryAfterSeconds } });
  // Nest wraps Fastify's own client errors in an HttpException: keep their code.
  if (error instanceof HttpException && isFastifyClientError(error.cause)) return fromFastify(error.cause);
  if (error instanceof HttpException) return fromHttpException(error);
  if (isFastifyClientError(error)) return fromFastify(error);
  return errorBody(500, 'INTERNAL_ERROR', 'Something went wrong on our side; the request id helps us find it');
}

/** Fastify's own client errors: unparsable JSON, body too large, unsupported media type... */
function isFastifyClientError(error: unknown): error is { statusCode: number; code?: string; message?: string } {
  const status = (error as { statusCode?: unknown } | null | undefined)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function fromFastify(error: { statusCode: number; code?: string; message?: string }): ErrorBody {
  return errorBody(error.statusCode, error.code ?? 'BAD_REQUEST', error.message ?? 'Bad request');
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
