import { Inject, Injectable } from '@nestjs/common';
import { foldReference, referenceStream, type ReferenceCommand, type ReferenceDecider, type ReferenceEvent } from '@parcours/domain';
import type { AppendResult, EventStore, ExpectedRevision, JsonObject, RecordedEvent } from '@parcours/event-store';
import { EVENT_STORE } from '../infrastructure/tokens.js';

export interface LoadedReferenceStream<S> {
  readonly recorded: readonly RecordedEvent[];
  /** Revision of the last event, -1 when the stream does not exist. */
  readonly revision: number;
  readonly state: S;
}

export interface ReferenceEventToAppend<E extends ReferenceEvent> {
  readonly eventId: string;
  readonly event: E;
}

/**
 * Loads any reference stream (organisation, programme, tariff) into its decider's state, and
 * appends decided events to it. The decider says which category and catalogue; reading one
 * stream is all a GET or a command needs, never a scan of the log.
 */
@Injectable()
export class ReferenceStreamRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async load<E extends ReferenceEvent, S, C extends ReferenceCommand<E>>(decider: ReferenceDecider<E, S, C>, id: string): Promise<LoadedReferenceStream<S>> {
    const recorded: RecordedEvent[] = [];
    for await (const event of this.store.readStream(referenceStream(decider, id))) recorded.push(event);
    return {
      recorded,
      revision: recorded.length ? recorded[recorded.length - 1]!.revision : -1,
      // Schema version 1 is the only one so far: stored data is the catalogue's shape as is.
      state: foldReference(decider, recorded.map((e) => ({ type: e.type, data: e.data }) as unknown as E)),
    };
  }

  /** Whether the stream has an event: the first event of a reference stream is what creates it. */
  async exists(decider: { readonly category: string }, id: string): Promise<boolean> {
    for await (const _ of this.store.readStream(referenceStream(decider, id), { maxCount: 1 })) return true;
    return false;
  }

  append<E extends ReferenceEvent, S, C extends ReferenceCommand<E>>(
    decider: ReferenceDecider<E, S, C>,
    id: string,
    events: readonly ReferenceEventToAppend<E>[],
    expected: ExpectedRevision,
    metadata: JsonObject,
  ): Promise<AppendResult> {
    return this.store.append(
      referenceStream(decider, id),
      events.map(({ eventId, event }) => ({
        eventId,
        type: event.type,
        data: toJson(event.data),
        metadata: { ...metadata, schemaVersion: decider.catalogue[event.type]?.version ?? 1 },
      })),
      expected,
    );
  }
}

/** Event data as the store keeps it: optional fields left undefined simply disappear. */
export function toJson(data: object): JsonObject {
  return JSON.parse(JSON.stringify(data)) as JsonObject;
}
