import { foldIntoDraft, PERSON_CATEGORY, withoutProtected, type ParcoursDraft, type ParcoursInput } from '@parcours/domain';
import { categoryOf, idOf, type RecordedEvent } from '@parcours/event-store';
import type { ParcoursRows } from './parcours-tables.js';
import { toParcoursInput } from './person-history.js';

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

/**
 * Applies a batch: for each person, the events after its revision (earlier ones are
 * redeliveries) are folded into its draft when there is one, and appended as one segment.
 * Returns the persons that changed. `cursorFor` is asked once per person of the batch.
 *
 * An erasure rewrites the person's segments without identity and free text: the read model must
 * not keep what the log no longer yields (the fold erases the facts the same way).
 */
export function foldBatch(rows: ParcoursRows, events: readonly RecordedEvent[], cursorFor: (personId: string) => PersonCursor): Map<string, PersonChange> {
  const cursors = new Map<string, PersonCursor>();
  const added = new Map<string, ParcoursInput[]>();
  let erased: Set<string> | undefined;
  for (const event of events) {
    if (categoryOf(event.streamId) !== PERSON_CATEGORY) continue;
    const personId = idOf(event.streamId);
    let cursor = cursors.get(personId);
    if (!cursor) cursors.set(personId, (cursor = cursorFor(personId)));
    if (event.revision <= cursor.revision) continue; // at-least-once delivery: folded already
    const input = toParcoursInput(event);
    cursor.revision = input.revision;
    if (cursor.draft) foldIntoDraft(cursor.draft, input);
    const inputs = added.get(personId);
    if (inputs) inputs.push(input);
    else added.set(personId, [input]);
    if (input.type === 'PersonErased') (erased ??= new Set()).add(personId);
  }
  const changes = new Map<string, PersonChange>();
  for (const [personId, inputs] of added) {
    const replaced = erased?.has(personId) ?? false;
    const segment = replaced ? rows.replace(personId, [...rows.inputs(personId), ...inputs].map(withoutProtectedFields)) : rows.append(personId, inputs);
    changes.set(personId, { cursor: cursors.get(personId)!, segment, replaced });
  }
  return changes;
}

function withoutProtectedFields(input: ParcoursInput): ParcoursInput {
  return { ...input, data: withoutProtected(input.data) } as ParcoursInput;
}
