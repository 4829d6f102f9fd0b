import { referenceStream, type ReferenceCommand, type ReferenceDecider, type ReferenceEvent } from '@parcours/domain';
import { EventIdConflictError, WrongExpectedVersionError, type JsonObject, type Position, type RecordedEvent } from '@parcours/event-store';
import { isDeepStrictEqual } from 'node:util';
import { ConcurrentModificationError, RevisionMismatchError } from '../application/application-errors.js';
import { type ReferenceStreamRepository, toJson } from './reference-stream.repository.js';

/** Where a reference stream stands after an append. */
export interface ReferenceAppendOutcome {
  readonly id: string;
  readonly revision: number;
  readonly position: Position;
  /** True when the request retried an append already stored: nothing was written. */
  readonly replayed: boolean;
  readonly eventIds: readonly string[];
}

const ATTEMPTS = 5;

/**
 * Load → decide → append, expecting the loaded revision, for any reference stream. A concurrent
 * writer without If-Match means "decide again on the newer state"; with If-Match the client's
 * revision is the expectation and a mismatch is theirs to resolve (412). A missing stream is
 * left to the decider so that it answers 404 rather than 412.
 */
export async function appendReferenceEvent<E extends ReferenceEvent, S, C extends ReferenceCommand<E>>(
  repository: ReferenceStreamRepository,
  decider: ReferenceDecider<E, S, C>,
  id: string,
  command: C,
  eventId: string,
  ifMatch: number | undefined,
  metadata: JsonObject,
): Promise<ReferenceAppendOutcome> {
  const eventIds = [eventId];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const loaded = await repository.load(decider, id);
    const replay = findReplay(loaded.recorded, command.event, eventId);
    if (replay) return { id, ...replay, replayed: true, eventIds };
    if (ifMatch !== undefined && loaded.revision >= 0 && ifMatch !== loaded.revision) throw new RevisionMismatchError(ifMatch, loaded.revision);
    const events = decider.decide(command, loaded.state);
    try {
      const result = await repository.append(
        decider,
        id,
        events.map((event) => ({ eventId, event })),
        loaded.revision < 0 ? 'no_stream' : loaded.revision,
        metadata,
      );
      return { id, revision: result.nextRevision, position: result.position, replayed: false, eventIds };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (ifMatch !== undefined) throw new RevisionMismatchError(ifMatch, error.actual);
    }
  }
  throw new ConcurrentModificationError(referenceStream(decider, id));
}

/** A retry of an append already stored (same event id, same content) gets the first result. */
function findReplay(recorded: readonly RecordedEvent[], wanted: ReferenceEvent, eventId: string): { revision: number; position: Position } | undefined {
  const stored = recorded.find((e) => e.eventId === eventId.toLowerCase());
  if (!stored) return undefined;
  if (stored.type !== wanted.type || !isDeepStrictEqual(stored.data, toJson(wanted.data))) {
    throw new EventIdConflictError(eventId, 'a different event was stored with this id; use a new eventId');
  }
  return { revision: stored.revision, position: stored.position };
}
