import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  evolveAll,
  foldPerson,
  initialPersonState,
  PERSON_EVENT_CATALOGUE,
  personStream,
  upcastPersonEvent,
  type IdentifiedPersonEvent,
  type PersonState,
} from '@parcours/domain';
import type { AppendResult, EventStore, ExpectedRevision, JsonObject, RecordedEvent } from '@parcours/event-store';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG, EVENT_STORE } from '../infrastructure/tokens.js';
import { type DecisionState, PersonStateCache } from './person-state-cache.js';
import { StreamQueue } from './stream-queue.js';

/** Without a configuration (tests, tools): as PARCOURS_DECISION_CACHE_EVENTS's default. */
const DEFAULT_CACHED_EVENTS = 100_000;

export interface LoadedPerson {
  readonly recorded: readonly RecordedEvent[];
  /** The same events upcast to the current schema versions: what the decider sees. */
  readonly events: readonly IdentifiedPersonEvent[];
  /** Revision of the last event, -1 when the stream does not exist. */
  readonly revision: number;
  readonly state: PersonState;
}

/** Loads a person's stream into the decider's state, and appends decided events to it. */
@Injectable()
export class PersonStreamRepository {
  private readonly cache: PersonStateCache;
  private readonly queue = new StreamQueue();

  /**
   * `cachedEvents`: decision states kept in memory (persons evicted least recently used first),
   * counted in events — about 1.3 KB of heap each on the synthetic cohort (bench:import peaked at
   * 490 MiB with 100,000 and 680 MiB with 250,000, 400,000 events imported).
   */
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, @Optional() @Inject(APP_CONFIG) config?: Pick<AppConfig, 'decisionCacheEvents'>) {
    this.cache = new PersonStateCache(config?.decisionCacheEvents ?? DEFAULT_CACHED_EVENTS);
  }

  /**
   * Runs load → decide → append for one person at a time in this process: concurrent requests
   * for the same person then decide on each other's results instead of failing on a stale
   * revision and retrying (each retry a read and a commit). Other persons are not held up. Only
   * an optimisation: another process is still stopped by the store's expected-revision check.
   */
  exclusive<T>(personId: string, work: () => Promise<T>): Promise<T> {
    return this.queue.run(personId, work);
  }

  /**
   * The state to decide on, without reading the whole stream: the cached state of the person
   * (if any) brought up to date with the events after its revision, read from the store — an
   * O(new events) read instead of O(stream), and always current. The whole history
   * (`load`) is only needed when an event id of the request is already in the stream.
   */
  async decisionState(personId: string): Promise<DecisionState> {
    const cached = this.cache.get(personId);
    let revision = cached?.revision ?? -1;
    let registeredBy = cached?.registeredBy ?? null;
    // Ids only accumulate, so an older entry sharing the set can only see more ids, never fewer.
    const eventIds = (cached?.eventIds as Set<string> | undefined) ?? new Set<string>();
    const events: IdentifiedPersonEvent[] = [];
    for await (const recorded of this.store.readStream(personStream(personId), { fromRevision: revision + 1 })) {
      events.push(toPersonEvent(recorded));
      eventIds.add(recorded.eventId);
      revision = recorded.revision;
      if (recorded.type === 'PersonRegistered' && registeredBy === null) registeredBy = recorderOrganisation(recorded.metadata);
    }
    if (cached && events.length === 0) return cached;
    const state = evolveAll(cached?.state ?? initialPersonState, events);
    const entry = { revision, state, eventIds, registeredBy };
    // An erased person's protected fields are gone from the store: keep no copy of them here.
    if (state.erased) this.cache.delete(personId);
    else if (revision >= 0) this.cache.set(personId, entry);
    return entry;
  }

  /** Whether a decision state is kept for the person (then `decisionState` reads only the events since). */
  holdsDecisionState(personId: string): boolean {
    return this.cache.has(personId);
  }

  /**
   * The organisation that recorded the person's registration, when the stream starts with it (as
   * every stream the API writes does); undefined when it does not, or does not exist. One row read.
   */
  async registrationOrganisation(personId: string): Promise<string | null | undefined> {
    for await (const recorded of this.store.readStream(personStream(personId), { fromRevision: 0, maxCount: 1 })) {
      return recorded.type === 'PersonRegistered' ? recorderOrganisation(recorded.metadata) : undefined;
    }
    return undefined;
  }

  /** Whether the person's stream holds an event after `revision` (one indexed read of at most one row). */
  async hasEventsAfter(personId: string, revision: number): Promise<boolean> {
    for await (const _ of this.store.readStream(personStream(personId), { fromRevision: revision + 1, maxCount: 1 })) return true;
    return false;
  }

  async load(personId: string): Promise<LoadedPerson> {
    const recorded: RecordedEvent[] = [];
    for await (const event of this.store.readStream(personStream(personId))) recorded.push(event);
    const events = recorded.map(toPersonEvent);
    return {
      recorded,
      events,
      revision: recorded.length ? recorded[recorded.length - 1]!.revision : -1,
      state: foldPerson(events),
    };
  }

  /**
   * Appends decided events. Given the decision state they were decided on (`basis`), it then
   * folds them into the cached state: the append met `basis.revision` as its expectation, so
   * nothing came in between, and the next decision for this person reads an empty tail instead
   * of reading back, parsing and decrypting what was just written.
   */
  async append(personId: string, events: readonly IdentifiedPersonEvent[], expected: ExpectedRevision, metadata: JsonObject, basis?: DecisionState): Promise<AppendResult> {
    const result = await this.store.append(
      personStream(personId),
      events.map((event) => ({
        eventId: event.eventId,
        type: event.type,
        data: event.data as JsonObject,
        metadata: { ...metadata, schemaVersion: PERSON_EVENT_CATALOGUE[event.type].version },
      })),
      expected,
    );
    if (basis) this.remember(personId, basis, events, result.nextRevision, metadata);
    return result;
  }

  private remember(personId: string, basis: DecisionState, events: readonly IdentifiedPersonEvent[], nextRevision: number, metadata: JsonObject): void {
    // Not written on top of the basis (an idempotent result of an earlier append): read it next time.
    if (basis.revision + events.length !== nextRevision) return;
    if (events.some((e) => e.type === 'PersonErased')) return this.cache.delete(personId);
    const eventIds = basis.eventIds as Set<string>;
    for (const event of events) eventIds.add(event.eventId);
    const registers = basis.registeredBy === null && events.some((e) => e.type === 'PersonRegistered');
    const registeredBy = registers ? recorderOrganisation(metadata) : basis.registeredBy;
    this.cache.set(personId, { revision: nextRevision, state: evolveAll(basis.state, events), eventIds, registeredBy });
  }
}

/** The organisation of the user who recorded an event (its metadata), if any. */
function recorderOrganisation(metadata: JsonObject): string | null {
  const organisationId = (metadata['recordedBy'] as { organisationId?: unknown } | undefined)?.organisationId;
  return typeof organisationId === 'string' ? organisationId : null;
}

/** A stored event as the domain sees it: upcast from the schema version it was written with. */
export function toPersonEvent(recorded: RecordedEvent): IdentifiedPersonEvent {
  const schemaVersion = recorded.metadata['schemaVersion'];
  return upcastPersonEvent({
    eventId: recorded.eventId,
    type: recorded.type,
    data: recorded.data,
    ...(typeof schemaVersion === 'number' ? { schemaVersion } : {}),
  });
}
