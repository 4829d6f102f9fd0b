import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, personStream, type ParcoursInput } from '@parcours/domain';
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

  async inputs(personId: string, asKnownAt?: Date): Promise<ParcoursInput[]> {
    const inputs: ParcoursInput[] = [];
    let any = false;
    for await (const recorded of this.store.readStream(personStream(personId))) {
      any = true;
      if (asKnownAt && recorded.recordedAt.getTime() > asKnownAt.getTime()) break;
      inputs.push(toParcoursInput(recorded));
    }
    if (!any) throw new NotFoundError('PERSON_NOT_FOUND', `No person is registered with id ${personId}`);
    return inputs;
  }
}

export function toParcoursInput(recorded: RecordedEvent): ParcoursInput {
  return { ...toPersonEvent(recorded), revision: recorded.revision, recordedAt: recorded.recordedAt.toISOString() } as ParcoursInput;
}
