import { decide, personStream, type IdentifiedPersonEvent, type PersonCommand } from '@parcours/domain';
import { EventIdConflictError, WrongExpectedVersionError, type JsonObject, type RecordedEvent } from '@parcours/event-store';
import { isDeepStrictEqual } from 'node:util';
import { ConcurrentModificationError, RevisionMismatchError } from '../../application/application-errors.js';
import type { PersonStreamRepository } from '../person-stream.repository.js';
import type { AppendOutcome } from './append-outcome.js';

const ATTEMPTS = 5;

/**
 * Load → decide → append with the loaded revision as expectation, one request at a time per
 * person in this process (PersonStreamRepository.exclusive). Without If-Match, a concurrent
 * writer elsewhere only means "decide again on the newer state"; with If-Match, the client's
 * revision is the expectation and a mismatch is the client's to resolve (412).
 */
export function appendWithRetry(
  repository: PersonStreamRepository,
  personId: string,
  command: PersonCommand,
  ifMatch: number | undefined,
  metadata: JsonObject,
): Promise<AppendOutcome> {
  return repository.exclusive(personId, () => decideAndAppend(repository, personId, command, ifMatch, metadata));
}

async function decideAndAppend(
  repository: PersonStreamRepository,
  personId: string,
  command: PersonCommand,
  ifMatch: number | undefined,
  metadata: JsonObject,
): Promise<AppendOutcome> {
  const wanted = command.type === 'RegisterPerson' ? [command.event] : command.events;
  const eventIds = wanted.map((e) => e.eventId);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await repository.decisionState(personId);
    if (wanted.some((e) => current.eventIds.has(e.eventId.toLowerCase()))) {
      // A retry, or an id reused for something else: telling which needs the stored events.
      const replay = findReplay((await repository.load(personId)).recorded, wanted);
      if (replay) return { personId, ...replay, replayed: true, eventIds };
    }
    if (ifMatch !== undefined && ifMatch !== current.revision) {
      throw new RevisionMismatchError(ifMatch, current.revision < 0 ? 'no_stream' : current.revision);
    }
    const events = decide(command, current.state);
    try {
      const result = await repository.append(personId, events, current.revision < 0 ? 'no_stream' : current.revision, metadata, current);
      return { personId, revision: result.nextRevision, position: result.position, replayed: false, eventIds };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      if (ifMatch !== undefined) throw new RevisionMismatchError(ifMatch, error.actual);
    }
  }
  throw new ConcurrentModificationError(personStream(personId));
}

/** A retry of an append already stored (same event ids, same content) gets the first result. */
function findReplay(recorded: readonly RecordedEvent[], wanted: readonly IdentifiedPersonEvent[]) {
  const byId = new Map(recorded.map((e) => [e.eventId, e]));
  const stored = wanted.map((e) => byId.get(e.eventId.toLowerCase()));
  if (stored.every((e) => e === undefined)) return undefined;
  const same = stored.every((e, i) => e && e.type === wanted[i]!.type && isDeepStrictEqual(e.data, wanted[i]!.data));
  if (!same) throw new EventIdConflictError(wanted[0]!.eventId, 'a different event was stored with this id; use a new eventId');
  const last = stored[stored.length - 1]!;
  return { revision: last.revision, position: last.position };
}
