import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError, parseValidTime, personStream, withoutCareEvents, type ValidTime } from '@parcours/domain';
import type { PersonVisibility } from '../../auth/person-access.js';
import { pseudonymiseData, pseudonymiseMetadata } from '../../auth/research-view.js';
import type { EventStore, JsonObject, Position } from '@parcours/event-store';
import { EVENT_STORE } from '../../infrastructure/tokens.js';
import { toPersonEvent } from '../person-stream.repository.js';

export interface PersonEventView {
  eventId: string;
  revision: number;
  position: Position;
  type: string;
  /** Valid time: when it happened in the person's life, with its bounds. */
  validTime: ValidTime;
  data: JsonObject;
  /** Recorded time: when Parcours learnt it. */
  recordedAt: string;
  metadata: JsonObject;
}

export interface PersonEventsPage {
  personId: string;
  /** The stream's current revision (for If-Match). */
  revision: number;
  events: PersonEventView[];
  /** Revision to ask for next, or null on the last page. */
  nextRevision: number | null;
}

export class GetPersonEventsQuery extends Query<PersonEventsPage> {
  constructor(
    readonly personId: string,
    readonly fromRevision: number,
    readonly limit: number,
    /** What the caller may see of this person (PersonAccess). */
    readonly visibility: PersonVisibility = { hideCare: false, pseudonymised: false },
  ) {
    super();
  }
}

@QueryHandler(GetPersonEventsQuery)
export class GetPersonEventsHandler implements IQueryHandler<GetPersonEventsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ personId, fromRevision, limit, visibility }: GetPersonEventsQuery): Promise<PersonEventsPage> {
    const stream = personStream(personId);
    let revision = -1;
    for await (const last of this.store.readStream(stream, { direction: 'backwards', maxCount: 1 })) revision = last.revision;
    if (revision < 0) throw new NotFoundError('PERSON_NOT_FOUND', `No person is registered with id ${personId}`);
    const hidden = visibility.hideCare ? await hiddenIds(this.store, stream) : new Set<string>();
    const events: PersonEventView[] = [];
    let lastRead = fromRevision - 1;
    for await (const e of this.store.readStream(stream, { fromRevision, maxCount: limit })) {
      lastRead = e.revision;
      if (hidden.has(e.eventId)) continue;
      // Shown as the domain sees it: upcast to the current schema version.
      const { occurredAt, ...data } = toPersonEvent(e).data as JsonObject & { occurredAt: string };
      events.push({
        eventId: e.eventId,
        revision: e.revision,
        position: e.position,
        type: e.type,
        validTime: parseValidTime(occurredAt),
        data: visibility.pseudonymised ? pseudonymiseData(data) : data,
        recordedAt: e.recordedAt.toISOString(),
        metadata: visibility.pseudonymised ? pseudonymiseMetadata(e.metadata) : e.metadata,
      });
    }
    const lastShown = lastRead;
    return { personId, revision, events, nextRevision: lastShown < revision ? lastShown + 1 : null };
  }
}

/** Clinical events and their corrections, for a caller who may not see them. */
async function hiddenIds(store: EventStore, stream: string): Promise<Set<string>> {
  const all = [];
  for await (const e of store.readStream(stream)) all.push(toPersonEvent(e));
  const kept = new Set(withoutCareEvents(all).map((e) => e.eventId));
  return new Set(all.filter((e) => !kept.has(e.eventId)).map((e) => e.eventId));
}
