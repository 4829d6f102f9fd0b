import { foldIntoDraft, PERSON_CATEGORY, withoutProtected, type ParcoursDraft, type ParcoursInput } from '@parcours/domain';
import { categoryOf, idOf, type RecordedEvent } from '@parcours/event-store';
import { decodeInputs, segmentOf } from './parcours-inputs.js';
import type { ParcoursRows } from './parcours-tables.js';
import { encodedParcoursInput, toParcoursInput } from './person-history.js';

/**
 * Where a person stands before a batch: the revision of the last event folded in, and the draft
 * (the folded state) when the caller holds it. Appending needs only the revision: a catch-up that
 * no longer holds a person appends to its segments without reading them back.
 */
export interface PersonCursor {
  revision: number;
  readonly draft: ParcoursDraft | undefined;
}

/** What a batch did to one person. */
export interface PersonChange {
  readonly cursor: PersonCursor;
  /** The segment written: appended, or replacing all the person's segments (erasure). */
  readonly segment: string;
  readonly replaced: boolean;
}

/** A person's new inputs in a batch, encoded (parcours-inputs.ts). */
interface Added {
  readonly first: number;
  readonly encoded: string[];
  erased: boolean;
}

/**
 * Applies a batch: for each person, the events after its revision (earlier ones are
 * redeliveries) are folded into its draft when there is one, and appended as one segment.
 * Returns the persons that changed. `cursorFor` is asked once per person of the batch.
 *
 * The segment is written from each event's encoded input (`encodedParcoursInput`): without a
 * draft to fold (a catch-up), an event's data is never parsed when it can be embedded as stored.
 *
 * An erasure rewrites the person's segments without identity and free text: the read model must
 * not keep what the log no longer yields (the fold erases the facts the same way).
 */
export function foldBatch(rows: ParcoursRows, events: readonly RecordedEvent[], cursorFor: (personId: string) => PersonCursor): Map<string, PersonChange> {
  const cursors = new Map<string, PersonCursor>();
  const added = new Map<string, Added>();
  // A person's events mostly come in a row: the previous event's person is kept at hand.
  let streamId: string | undefined;
  let personId = '';
  let cursor: PersonCursor | undefined;
  let person: Added | undefined;
  for (const event of events) {
    if (event.streamId !== streamId) {
      streamId = event.streamId;
      cursor = undefined;
      if (categoryOf(streamId) !== PERSON_CATEGORY) continue;
      personId = idOf(streamId);
      cursor = cursors.get(personId);
      if (!cursor) cursors.set(personId, (cursor = cursorFor(personId)));
      person = added.get(personId);
    }
    if (!cursor) continue; // not a person's stream
    if (event.revision <= cursor.revision) continue; // at-least-once delivery: folded already
    cursor.revision = event.revision;
    if (cursor.draft) foldIntoDraft(cursor.draft, toParcoursInput(event));
    if (!person) added.set(personId, (person = { first: event.revision, encoded: [], erased: false }));
    person.encoded.push(encodedParcoursInput(event));
    if (event.type === 'PersonErased') person.erased = true;
  }
  const changes = new Map<string, PersonChange>();
  for (const [personId, { first, encoded, erased }] of added) {
    const cursor = cursors.get(personId)!;
    const segment = erased
      ? rows.replace(personId, decodeInputs(segmentOf(encoded), rows.inputs(personId)).map(withoutProtectedFields))
      : rows.appendSegment(personId, first, cursor.revision, segmentOf(encoded));
    changes.set(personId, { cursor, segment, replaced: erased });
  }
  return changes;
}

function withoutProtectedFields(input: ParcoursInput): ParcoursInput {
  return { ...input, data: withoutProtected(input.data) } as ParcoursInput;
}
