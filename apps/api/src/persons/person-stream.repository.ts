import { Inject, Injectable } from '@nestjs/common';
import { foldPerson, personStream, type PersonEvent, type PersonState, PERSON_EVENT_CATALOGUE } from '@parcours/domain';
import type { AppendResult, EventStore, ExpectedRevision, JsonObject, RecordedEvent } from '@parcours/event-store';
import { EVENT_STORE } from '../infrastructure/tokens.js';

export interface LoadedPerson {
  readonly recorded: readonly RecordedEvent[];
  /** Revision of the last event, -1 when the stream does not exist. */
  readonly revision: number;
  readonly state: PersonState;
}

export interface EventToAppend {
  readonly eventId: string;
  readonly event: PersonEvent;
}

/** Loads a person's stream into the decider's state, and appends decided events to it. */
@Injectable()
export class PersonStreamRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load(personId: string): Promise<LoadedPerson> {
    const recorded: RecordedEvent[] = [];
    for await (const event of this.store.readStream(personStream(personId))) recorded.push(event);
    return {
      recorded,
      revision: recorded.length ? recorded[recorded.length - 1]!.revision : -1,
      state: foldPerson(recorded.map(toPersonEvent)),
    };
  }

  append(personId: string, events: readonly EventToAppend[], expected: ExpectedRevision, metadata: JsonObject): Promise<AppendResult> {
    return this.store.append(
      personStream(personId),
      events.map(({ eventId, event }) => ({
        eventId,
        type: event.type,
        data: event.data as JsonObject,
        metadata: { ...metadata, schemaVersion: PERSON_EVENT_CATALOGUE[event.type].version },
      })),
      expected,
    );
  }
}

export function toPersonEvent(recorded: RecordedEvent): PersonEvent {
  return { type: recorded.type, data: recorded.data } as PersonEvent;
}
