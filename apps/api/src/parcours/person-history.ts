import { Inject, Injectable } from '@nestjs/common';
import { catalogueEntry, isPersonEventType, NotFoundError, personStream, withoutCareEvents, type ParcoursInput } from '@parcours/domain';
import { type EventStore, type RecordedEvent, storedText } from '@parcours/event-store';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { toPersonEvent } from '../persons/person-stream.repository.js';
import { encodeInput, encodeInputWithDataText } from './parcours-inputs.js';

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
  const { eventId, data } = isCurrent(recorded) ? recorded : toPersonEvent(recorded);
  return { eventId, type, data, revision: recorded.revision, recordedAt: isoString(recorded.recordedAt) } as ParcoursInput;
}

/**
 * `encodeInput(toParcoursInput(recorded))`, the event as one input of a segment. An event at its
 * type's current version read as stored text (a lazy subscription) embeds its stored data: it is
 * the JSON of that same data, so the segment decodes to the same input, without parsing the data
 * and serialising it again (that was a fifth of a rebuild's main thread).
 */
export function encodedParcoursInput(recorded: RecordedEvent): string {
  const stored = storedText(recorded);
  // Null for a time not spelled as Date#toISOString() spells it: formatted as toParcoursInput would.
  const embedded = stored && isCurrent(recorded) ? encodeInputWithDataText(recorded.eventId, recorded.revision, recorded.type, stored.recordedAt, stored.data) : null;
  return embedded ?? encodeInput(toParcoursInput(recorded));
}

function isCurrent(recorded: RecordedEvent): boolean {
  const { type } = recorded;
  return isPersonEventType(type) && recorded.metadata['schemaVersion'] === catalogueEntry(type).version;
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
