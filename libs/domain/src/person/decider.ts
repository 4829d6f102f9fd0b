import { DomainError, InvalidInputError, NotFoundError } from '../errors.js';
import { certainlyBefore, parseValidTime } from '../time/valid-time.js';
import type { PersonCommand } from './commands.js';
import { catalogueEntry, isPersonEventType, type IdentifiedPersonEvent, type PersonEventType } from './events.js';
import { toIssues } from './parse-event.js';
import { episodeOf, evolve, expectedStartOf, type PersonState } from './person-state.js';

export { evolve, evolveAll, foldPerson, initialPersonState, episodesOf, episodeOf, type PersonState, type Episode, type Fact } from './person-state.js';

/**
 * The person decider: checks a command against the state folded from the stream and returns the
 * events to append. Pure: no clock, no ids, no I/O. Invariants are few on purpose (DOMAIN.md §4):
 * real paths are not linear, so overlapping episodes, relapses during a training and retroactive
 * events anywhere in valid time are all accepted. Refused: impossible histories (an end without
 * its start, an end before its start, facts before birth or after erasure) and bad corrections.
 */
export function decide(command: PersonCommand, state: PersonState): IdentifiedPersonEvent[] {
  switch (command.type) {
    case 'RegisterPerson':
      if (state.registered) throw new DomainError('PERSON_ALREADY_REGISTERED', 'This person is already registered');
      checkNotBeforeBirth(command.event.data.occurredAt, command.event.data.birthYear, command.event.type);
      return [command.event];
    case 'RecordPersonEvents': {
      if (!state.registered) throw new NotFoundError('PERSON_NOT_FOUND', 'No person is registered with this id');
      // Each event is checked against the state that includes the events before it in the batch.
      let current = state;
      const decided: IdentifiedPersonEvent[] = [];
      for (const raw of command.events) {
        const event = checkEvent(raw, current);
        current = evolve(current, event);
        checkEpisodes(current, affectedEpisode(event, current));
        decided.push(event);
      }
      return decided;
    }
  }
}

function checkEvent(event: IdentifiedPersonEvent, state: PersonState): IdentifiedPersonEvent {
  if (state.erased) throw new DomainError('PERSON_ERASED', 'This person has been erased: nothing can be recorded after erasure');
  if (state.facts.has(event.eventId)) throw new DomainError('DUPLICATE_EVENT_ID', `Event id ${event.eventId} is already in this history`);
  if (event.type === 'PersonRegistered') {
    throw new DomainError('PERSON_ALREADY_REGISTERED', 'PersonRegistered can only be the first event of a person');
  }
  checkNotBeforeBirth(event.data.occurredAt, state.birthYear, event.type);
  const after = event.data.after;
  if (after !== undefined && !standing(state, after)) {
    throw new DomainError('UNKNOWN_AFTER_EVENT', `"after" must name an event of this person that stands; ${after} does not`, { after });
  }
  if (event.type === 'EventCorrected' || event.type === 'EventRetracted') return checkCorrection(event, state);
  return event;
}

function checkCorrection(event: Extract<IdentifiedPersonEvent, { type: 'EventCorrected' | 'EventRetracted' }>, state: PersonState) {
  const targetId = event.data.targetEventId;
  const target = state.facts.get(targetId);
  if (!target) throw new DomainError('TARGET_NOT_FOUND', `No event ${targetId} in this person's history to ${verb(event.type)}`, { targetEventId: targetId });
  if (target.retracted) throw new DomainError('TARGET_RETRACTED', `Event ${targetId} has been retracted already`, { targetEventId: targetId });
  if (event.type === 'EventRetracted') {
    if (target.type === 'PersonRegistered') {
      throw new DomainError('CANNOT_RETRACT_REGISTRATION', 'The registration cannot be retracted; correct it, or erase the person');
    }
    return event;
  }
  if (!isPersonEventType(target.type)) throw new DomainError('TARGET_NOT_CORRECTABLE', `Event ${targetId} cannot be corrected`);
  const parsed = catalogueEntry(target.type).schema.safeParse(event.data.replacement);
  if (!parsed.success) throw new InvalidInputError(toIssues(parsed.error, 'data.replacement'));
  const replacement = parsed.data as Record<string, unknown>;
  if (target.data['episodeId'] !== replacement['episodeId']) {
    throw new DomainError('EPISODE_ID_CHANGED', 'A correction keeps the episodeId of the event it corrects; retract it and record a new one instead');
  }
  if (target.type === 'PersonRegistered') {
    checkNotBeforeBirth(String(replacement['occurredAt']), replacement['birthYear'] as number | undefined, target.type);
  } else {
    checkNotBeforeBirth(String(replacement['occurredAt']), state.birthYear, target.type);
  }
  return { ...event, data: { ...event.data, replacement } };
}

function affectedEpisode(event: IdentifiedPersonEvent, state: PersonState): string | undefined {
  const source = event.type === 'EventCorrected' || event.type === 'EventRetracted' ? state.facts.get(event.data.targetEventId)?.data : event.data;
  const episodeId = (source as { episodeId?: unknown } | undefined)?.episodeId;
  return typeof episodeId === 'string' ? episodeId : undefined;
}

function checkEpisodes(state: PersonState, episodeId: string | undefined): void {
  if (!episodeId) return;
  const episode = episodeOf(state, episodeId);
  if (!episode) return;
  const details = { episodeId };
  if (episode.duplicates > 0) {
    throw new DomainError(
      episode.endEventId ? 'EPISODE_ALREADY_ENDED' : 'EPISODE_ALREADY_STARTED',
      `Episode ${episodeId} already has its ${episode.endEventId ? 'end' : 'start'}: an episode starts once and ends once`,
      details,
    );
  }
  if (!episode.endType) return;
  const startType = expectedStartOf(episode.endType);
  if (!episode.startType) {
    throw new DomainError('EPISODE_NOT_STARTED', `${episode.endType} needs a ${startType} with episodeId ${episodeId} first`, details);
  }
  if (startType !== episode.startType) {
    throw new DomainError('EPISODE_KIND_MISMATCH', `${episode.endType} cannot end episode ${episodeId}, which ${episode.startType} started`, details);
  }
  if (certainlyBefore(episode.endedAt!, episode.startedAt!)) {
    throw new DomainError(
      'EPISODE_END_BEFORE_START',
      `Episode ${episodeId} cannot end (${episode.endedAt!.edtf}) before it started (${episode.startedAt!.edtf})`,
      details,
    );
  }
}

function checkNotBeforeBirth(occurredAt: string, birthYear: number | undefined, type: PersonEventType): void {
  if (birthYear === undefined) return;
  const when = parseValidTime(occurredAt);
  if (when.upper !== null && when.upper < `${String(birthYear).padStart(4, '0')}-01-01`) {
    throw new DomainError('BEFORE_BIRTH', `${type} (${occurredAt}) cannot happen before the birth year ${birthYear}`);
  }
}

function standing(state: PersonState, eventId: string): boolean {
  const fact = state.facts.get(eventId);
  return fact !== undefined && !fact.retracted;
}

const verb = (type: 'EventCorrected' | 'EventRetracted') => (type === 'EventCorrected' ? 'correct' : 'retract');
