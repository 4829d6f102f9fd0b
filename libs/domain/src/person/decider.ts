import { DomainError, NotFoundError } from '../errors.js';
import { certainlyBefore, parseValidTime, type ValidTime } from '../time/valid-time.js';
import type { PersonCommand } from './commands.js';
import type { PersonEvent } from './events.js';

/**
 * The person decider: `decide` checks a command against the state folded from the stream and
 * returns the events to append; `evolve` folds one event into the state. Pure functions: no
 * clock, no ids, no I/O. Invariants are few on purpose (DOMAIN.md §4): real paths are not linear,
 * so overlaps and retroactive events are allowed; only impossible histories are refused.
 */

export interface OpenEpisode {
  readonly startType: PersonEvent['type'];
  readonly startedAt: ValidTime;
}

export interface PersonState {
  readonly registered: boolean;
  readonly birthYear: number | undefined;
  /** Episodes by id: started, and whether they have ended. */
  readonly episodes: ReadonlyMap<string, OpenEpisode & { readonly ended: boolean }>;
}

export const initialPersonState: PersonState = { registered: false, birthYear: undefined, episodes: new Map() };

/** Which start type each end type closes. */
const EPISODE_ENDS: Partial<Record<PersonEvent['type'], PersonEvent['type']>> = {
  CareEpisodeEnded: 'CareEpisodeStarted',
};
const EPISODE_STARTS = new Set(Object.values(EPISODE_ENDS));

export function evolve(state: PersonState, event: PersonEvent): PersonState {
  switch (event.type) {
    case 'PersonRegistered':
      return { ...state, registered: true, birthYear: event.data.birthYear };
    default: {
      const episodeId = (event.data as { episodeId?: string }).episodeId;
      if (!episodeId) return state;
      const episodes = new Map(state.episodes);
      if (EPISODE_STARTS.has(event.type)) {
        episodes.set(episodeId, { startType: event.type, startedAt: parseValidTime(event.data.occurredAt), ended: false });
      } else if (EPISODE_ENDS[event.type]) {
        const started = episodes.get(episodeId);
        if (started) episodes.set(episodeId, { ...started, ended: true });
      }
      return { ...state, episodes };
    }
  }
}

export function decide(command: PersonCommand, state: PersonState): PersonEvent[] {
  switch (command.type) {
    case 'RegisterPerson':
      if (state.registered) throw new DomainError('PERSON_ALREADY_REGISTERED', 'This person is already registered');
      checkNotBeforeBirth(command.event, command.event.data.birthYear);
      return [command.event];
    case 'RecordPersonEvents': {
      if (!state.registered) throw new NotFoundError('PERSON_NOT_FOUND', 'No person is registered with this id');
      // Each event is checked against the state including the events before it in the batch.
      let current = state;
      for (const event of command.events) {
        checkEvent(event, current);
        current = evolve(current, event);
      }
      return [...command.events];
    }
  }
}

function checkEvent(event: PersonEvent, state: PersonState): void {
  if (event.type === 'PersonRegistered') {
    throw new DomainError('PERSON_ALREADY_REGISTERED', 'PersonRegistered can only be the first event of a person');
  }
  checkNotBeforeBirth(event, state.birthYear);
  const episodeId = (event.data as { episodeId?: string }).episodeId;
  if (!episodeId) return;
  const existing = state.episodes.get(episodeId);
  if (EPISODE_STARTS.has(event.type) && existing) {
    throw new DomainError('EPISODE_ALREADY_STARTED', `Episode ${episodeId} has already started: an episode id starts once`, { episodeId });
  }
  const startType = EPISODE_ENDS[event.type];
  if (startType) {
    if (!existing || existing.startType !== startType) {
      throw new DomainError('EPISODE_NOT_STARTED', `${event.type} needs a ${startType} with episodeId ${episodeId} first`, { episodeId });
    }
    if (existing.ended) throw new DomainError('EPISODE_ALREADY_ENDED', `Episode ${episodeId} has already ended`, { episodeId });
    if (certainlyBefore(parseValidTime(event.data.occurredAt), existing.startedAt)) {
      throw new DomainError('EPISODE_END_BEFORE_START', `Episode ${episodeId} cannot end (${event.data.occurredAt}) before it started (${existing.startedAt.edtf})`, {
        episodeId,
      });
    }
  }
}

function checkNotBeforeBirth(event: PersonEvent, birthYear: number | undefined): void {
  if (birthYear === undefined) return;
  const when = parseValidTime(event.data.occurredAt);
  if (when.upper !== null && when.upper < `${String(birthYear).padStart(4, '0')}-01-01`) {
    throw new DomainError('BEFORE_BIRTH', `${event.type} (${event.data.occurredAt}) cannot happen before the birth year ${birthYear}`);
  }
}

export function foldPerson(events: Iterable<PersonEvent>): PersonState {
  let state = initialPersonState;
  for (const event of events) state = evolve(state, event);
  return state;
}
