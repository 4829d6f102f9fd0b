import { Inject, Injectable } from '@nestjs/common';
import {
  foldPerson,
  PERSON_EVENT_CATALOGUE,
  personStream,
  upcastPersonEvent,
  type IdentifiedPersonEvent,
  type PersonState,
} from '@parcours/domain';
import type { AppendResult, EventStore, ExpectedRevision, JsonObject, RecordedEvent } from '@parcours/event-store';
import { EVENT_STORE } from '../infrastructure/tokens.js';

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
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

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

  append(personId: string, events: readonly IdentifiedPersonEvent[], expected: ExpectedRevision, metadata: JsonObject): Promise<AppendResult> {
    return this.store.append(
      personStream(personId),
      events.map((event) => ({
        eventId: event.eventId,
        type: event.type,
        data: event.data as JsonObject,
        metadata: { ...metadata, schemaVersion: PERSON_EVENT_CATALOGUE[event.type].version },
      })),
      expected,
    );
  }
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
