import { Injectable } from '@nestjs/common';
import { isPosition, type Position } from '@parcours/event-store';
import type { FastifyReply } from 'fastify';
import { BadRequestParameterError } from '../application/application-errors.js';
import { ProjectionRunner } from './projection-runner.js';

/** How fresh an answer read from a projection is. */
export interface Freshness {
  /** The caller's minPosition was not reached in time: the answer may miss its own writes. */
  readonly stale: boolean;
  /** The projection's checkpoint the answer reflects. */
  readonly position: Position;
}

export const DEFAULT_READ_WAIT_MS = 2000;
/** A query must never hold a request for long: waits are capped whatever the caller asks. */
export const MAX_READ_WAIT_MS = 10_000;

/**
 * Read-your-writes for query controllers: a client that has just written passes the position the
 * write returned as `minPosition`; the query waits (briefly) until the projection has applied it.
 *
 *   const freshness = await this.readYourWrites.ensure('parcours', query.minPosition);
 *   markFreshness(reply, freshness);
 */
@Injectable()
export class ReadYourWrites {
  constructor(private readonly runner: ProjectionRunner) {}

  async ensure(projection: string, minPosition: string | undefined, options: { maxWaitMs?: number } = {}): Promise<Freshness> {
    if (minPosition === undefined || minPosition === '') return { stale: false, position: this.runner.checkpoint(projection) };
    if (!isPosition(minPosition)) {
      throw new BadRequestParameterError('minPosition', 'isPosition', 'must be a log position as returned by a write: "<16 hex digits>-<16 hex digits>"');
    }
    const maxWaitMs = Math.min(Math.max(options.maxWaitMs ?? DEFAULT_READ_WAIT_MS, 0), MAX_READ_WAIT_MS);
    const { reached, checkpoint } = await this.runner.waitForPosition(projection, minPosition, maxWaitMs);
    return { stale: !reached, position: checkpoint };
  }
}

/** The one place the freshness headers are written: X-Parcours-Position always, X-Parcours-Stale when stale. */
export function markFreshness(reply: FastifyReply, freshness: Freshness): void {
  void reply.header('x-parcours-position', freshness.position);
  if (freshness.stale) void reply.header('x-parcours-stale', 'true');
}
