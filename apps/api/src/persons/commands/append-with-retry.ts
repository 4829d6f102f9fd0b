import { personStream, type PersonCommand, decide } from '@parcours/domain';
import { EventIdConflictError, WrongExpectedVersionError, type JsonObject } from '@parcours/event-store';
import { isDeepStrictEqual } from 'node:util';
import { ConcurrentModificationError, RevisionMismatchError } from '../../shared/application-errors.js';
import type { PersonStreamRepository } from '../person-stream.repository.js';
import type { AppendOutcome } from './append-outcome.js';

const ATTEMPTS = 5;

/**
 * Load → decide → append with the loaded revision as expectation. Without If-Match, a concurrent
 * writer only means "decide again on the newer state"; with If-Match, the client's revision is the
 * expectation and a mismatch is the client's to resolve (412).
 */
export async function appendWithRetry(
  repository: PersonStreamRepository,
  personId: string,
  command: PersonCommand,
  eventIds: readonly string[],
  ifMatch: number | undefined,
  metadata: JsonObject,
): Promise<AppendOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const loaded = await repository.load(personId);
    const replay = findReplay(loaded.recorded, command, eventIds);
    if (replay) return { personId, ...replay, replayed: true, eventIds };
    if (ifMatch !== undefined && ifMatch !== loaded.revision) {
      throw new RevisionMismatchError(ifMatch, loaded.revision < 0 ? 'no_stream' : loaded.revision);
    }
    const events = decide(command, loaded.state);
    try {
      const result = await repository.append(
        personId,
        events.map((event, i) => ({ eventId: eventIds[i]!, event })),
        loaded.revision < 0 ? 'no_stream' : loaded.revision,
        metadata,
      );
      return { personId, revision: result.nextRevision, position: result.position, replayed: false, eventIds };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (ifMatch !== undefined) throw new RevisionMismatchError(ifMatch, error.actual);
    }
  }
  throw new ConcurrentModificationError(personStream(personId));
}

/** A retry of an append already stored (same event ids, same content) gets the first result. */
function findReplay(
  recorded: Awaited<ReturnType<PersonStreamRepository['load']>>['recorded'],
  command: PersonCommand,
  eventIds: readonly string[],
) {
  const wanted = command.type === 'RegisterPerson' ? [command.event] : command.events;
  const stored = eventIds.map((id) => recorded.find((e) => e.eventId === id.toLowerCase()));
  if (stored.every((e) => e === undefined)) return undefined;
  const same = stored.every((e, i) => e && e.type === wanted[i]!.type && isDeepStrictEqual(e.data, wanted[i]!.data));
  if (!same) throw new EventIdConflictError(eventIds[0]!, 'a different event was stored with this id; use a new eventId');
  const last = stored[stored.length - 1]!;
  return { revision: last.revision, position: last.position };
}
