import { parseValidTime, type ValidTime } from '../time/valid-time.js';
import { catalogueEntry, EPISODE_START_OF, type IdentifiedPersonEvent, type PersonEventType } from './events.js';

/**
 * The decider's view of a person: just what the rules need. Facts hold each original event's
 * current content (corrections applied, retractions marked), so episode rules are checked on the
 * path as it is now known, not as first recorded.
 */
export interface Fact {
  readonly type: PersonEventType;
  readonly data: Record<string, unknown>;
  readonly retracted: boolean;
}

export interface Episode {
  readonly startEventId: string | undefined;
  readonly startType: PersonEventType | undefined;
  readonly startedAt: ValidTime | undefined;
  readonly endEventId: string | undefined;
  readonly endType: PersonEventType | undefined;
  readonly endedAt: ValidTime | undefined;
  /** An end recorded twice, or a start recorded twice: impossible histories the rules refuse. */
  readonly duplicates: number;
}

export interface PersonState {
  readonly registered: boolean;
  readonly erased: boolean;
  readonly birthYear: number | undefined;
  readonly facts: ReadonlyMap<string, Fact>;
}

export const initialPersonState: PersonState = { registered: false, erased: false, birthYear: undefined, facts: new Map() };

export function evolve(state: PersonState, event: IdentifiedPersonEvent): PersonState {
  return evolveAll(state, [event]);
}

/**
 * `evolve` over several events, copying the facts once instead of once per event: folding a
 * history event by event copied the whole map every time (quadratic in the stream's length).
 */
export function evolveAll(state: PersonState, events: Iterable<IdentifiedPersonEvent>): PersonState {
  let facts: Map<string, Fact> | undefined;
  let erased = state.erased;
  let registrationTouched = false;
  for (const event of events) {
    facts ??= new Map(state.facts);
    if (applyFact(facts, event)) registrationTouched = true; // not `||=`: it would skip the fold
    erased ||= event.type === 'PersonErased';
  }
  if (!facts) return state;
  const registered = registrationTouched ? registration(facts) : { registered: state.registered, birthYear: state.birthYear };
  return { ...registered, erased, facts };
}

/** Folds one event into the facts in place; true when it may change the registration facts. */
function applyFact(facts: Map<string, Fact>, event: IdentifiedPersonEvent): boolean {
  switch (event.type) {
    case 'EventCorrected': {
      const target = facts.get(event.data.targetEventId);
      if (target) facts.set(event.data.targetEventId, { ...target, data: event.data.replacement });
      return target?.type === 'PersonRegistered';
    }
    case 'EventRetracted': {
      const target = facts.get(event.data.targetEventId);
      if (target) facts.set(event.data.targetEventId, { ...target, retracted: true });
      return target?.type === 'PersonRegistered';
    }
    default: {
      const replaced = facts.get(event.eventId);
      facts.set(event.eventId, { type: event.type, data: event.data as Record<string, unknown>, retracted: false });
      return event.type === 'PersonRegistered' || replaced?.type === 'PersonRegistered';
    }
  }
}

/** Registration facts as currently known (a correction may change the birth year). */
function registration(facts: ReadonlyMap<string, Fact>): Pick<PersonState, 'registered' | 'birthYear'> {
  for (const fact of facts.values()) {
    if (fact.type === 'PersonRegistered') return { registered: true, birthYear: fact.data['birthYear'] as number | undefined };
  }
  return { registered: false, birthYear: undefined };
}

/** Episodes by id, derived from the facts that stand (not retracted), in recording order. */
export function episodesOf(state: PersonState): Map<string, Episode> {
  const episodes = new Map<string, Episode>();
  for (const [eventId, fact] of state.facts) {
    const role = catalogueEntry(fact.type).episode?.role;
    const episodeId = fact.data['episodeId'];
    if (!role || fact.retracted || typeof episodeId !== 'string') continue;
    episodes.set(episodeId, withFact(episodes.get(episodeId) ?? blankEpisode, eventId, fact, role));
  }
  return episodes;
}

/**
 * One episode, as `episodesOf(state).get(episodeId)` gives it, without building the others: a
 * decision checks the episode its event touches, and parsing every episode's dates for it made
 * each decision O(history).
 */
export function episodeOf(state: PersonState, episodeId: string): Episode | undefined {
  let episode: Episode | undefined;
  for (const [eventId, fact] of state.facts) {
    if (fact.retracted || fact.data['episodeId'] !== episodeId) continue;
    const role = catalogueEntry(fact.type).episode?.role;
    if (role) episode = withFact(episode ?? blankEpisode, eventId, fact, role);
  }
  return episode;
}

function withFact(current: Episode, eventId: string, fact: Fact, role: 'start' | 'end'): Episode {
  const when = parseValidTime(String(fact.data['occurredAt']));
  if (role === 'start') {
    return current.startEventId ? { ...current, duplicates: current.duplicates + 1 } : { ...current, startEventId: eventId, startType: fact.type, startedAt: when };
  }
  return current.endEventId ? { ...current, duplicates: current.duplicates + 1 } : { ...current, endEventId: eventId, endType: fact.type, endedAt: when };
}

const blankEpisode: Episode = {
  startEventId: undefined,
  startType: undefined,
  startedAt: undefined,
  endEventId: undefined,
  endType: undefined,
  endedAt: undefined,
  duplicates: 0,
};

export function expectedStartOf(endType: PersonEventType): PersonEventType | undefined {
  return EPISODE_START_OF[endType];
}

export function foldPerson(events: Iterable<IdentifiedPersonEvent>): PersonState {
  return evolveAll(initialPersonState, events);
}
