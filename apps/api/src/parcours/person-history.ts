import { Inject, Injectable } from '@nestjs/common';
import { catalogueEntry, isPersonEventType, NotFoundError, personStream, withoutCareEvents, type ParcoursInput } from '@parcours/domain';
import type { EventStore, RecordedEvent } from '@parcours/event-store';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { toPersonEvent } from '../persons/person-stream.repository.js';

/**
 * A person's stream as parcours inputs (upcast), optionally only what had been recorded by
 * `asKnownAt`: the path "as known on date X" is the fold of that prefix of the stream.
 */
@Injectable()
export class PersonHistory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** `hideCare`: without clinical events and their corrections (a caller who may not see them). */
  async inputs(personId: string, asKnownAt?: Date, hideCare = false): Promise<ParcoursInput[]> {
    const inputs: ParcoursInput[] = [];
    let any = false;
    for await (const recorded of this.store.readStream(personStream(personId))) {
      any = true;
      if (asKnownAt && recorded.recordedAt.getTime() > asKnownAt.getTime()) break;
      inputs.push(toParcoursInput(recorded));
    }
    if (!any) throw new NotFoundError('PERSON_NOT_FOUND', `No person is registered with id ${personId}`);
    return hideCare ? withoutCareEvents(inputs) : inputs;
  }
}

export function toParcoursInput(recorded: RecordedEvent): ParcoursInput {
  // Built field by field: a spread costs more than the rest of the conversion (projections convert
  // millions). An event stored at its type's current version has nothing to upcast: taken as is.
  const { type } = recorded;
  const current = isPersonEventType(type) && recorded.metadata['schemaVersion'] === catalogueEntry(type).version;
  const { eventId, data } = current ? recorded : toPersonEvent(recorded);
  return { eventId, type, data, revision: recorded.revision, recordedAt: isoString(recorded.recordedAt) } as ParcoursInput;
}

let lastTime = Number.NaN;
let lastIso = '';
/** The events of one append share their recording time: formatting it once per run of them saves most calls. */
function isoString(date: Date): string {
  const time = date.getTime();
  if (time !== lastTime) {
    lastIso = date.toISOString();
    lastTime = time;
  }
  return lastIso;
}
