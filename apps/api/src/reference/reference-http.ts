import { type ArgumentMetadata, ParseUUIDPipe } from '@nestjs/common';
import type { JsonObject } from '@parcours/event-store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock, IdGenerator } from '../infrastructure/tokens.js';
import { etag } from '../persons/if-match.js';
import { BadRequestParameterError } from '../application/application-errors.js';
import type { ReferenceAppendOutcome } from './append-reference-event.js';

/** HTTP plumbing shared by the reference controllers. */

/**
 * A path parameter that must be a UUID (400 naming it otherwise), handed on lower-case: ids name
 * streams, and `organisation-ABC…` would not be `organisation-abc…`.
 */
class LowerCaseUuidPipe extends ParseUUIDPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<string | undefined | null> {
    const uuid = await super.transform(value, metadata);
    return typeof uuid === 'string' ? uuid.toLowerCase() : uuid;
  }
}

export function uuidParam(name: string, what: string): ParseUUIDPipe {
  return new LowerCaseUuidPipe({ exceptionFactory: () => new BadRequestParameterError(name, 'isUUID', `must be ${what} (UUID)`) });
}

export function requestMetadata(request: FastifyRequest): JsonObject {
  return { requestId: String(request.id) };
}

/**
 * The event id, and the id of what the event creates. When the client chose only the event id,
 * the new id defaults to it, so that retrying the request creates the same thing once.
 */
export function creationIds(newId: IdGenerator, clientId: string | undefined, clientEventId: string | undefined): { id: string; eventId: string } {
  const eventId = (clientEventId ?? newId()).toLowerCase();
  return { id: (clientId ?? clientEventId ?? newId()).toLowerCase(), eventId };
}

export function eventIdOf(newId: IdGenerator, clientEventId: string | undefined): string {
  return (clientEventId ?? newId()).toLowerCase();
}

export function today(clock: Clock): string {
  return clock().toISOString().slice(0, 10);
}

/** Status, ETag, Location and Idempotent-Replayed of an append; the body says where the stream stands. */
export function answerAppend(reply: FastifyReply, outcome: ReferenceAppendOutcome, location: string, status: 200 | 201, extra: Record<string, string> = {}) {
  void reply.status(status).header('etag', etag(outcome.revision)).header('location', location);
  if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
  return { id: outcome.id, ...extra, revision: outcome.revision, position: outcome.position, eventIds: outcome.eventIds, replayed: outcome.replayed };
}

export const IF_MATCH_HEADER = {
  name: 'If-Match',
  required: false,
  description: 'The ETag last read: refuse (412) if the stream has changed since',
} as const;
