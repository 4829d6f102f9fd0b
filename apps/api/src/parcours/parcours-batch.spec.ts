import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { catalogueEntry, draftOf } from '@parcours/domain';
import { type JsonObject, LazyRecordedEvent, positionFromSequence, type RecordedEvent } from '@parcours/event-store';
import { foldBatch, type PersonCursor } from './parcours-batch.js';
import { decodeInputs } from './parcours-inputs.js';
import { createParcoursTables, parcoursRows, type ParcoursRows } from './parcours-tables.js';
import { encodedParcoursInput, toParcoursInput } from './person-history.js';

const table = (base: string) => `parcours_v0_${base}`;
const person = '018f0000-0000-7000-8000-0000000000a1';
const at = '2026-01-02T03:04:05.678Z';
const id = (n: number) => `018f0000-0000-7000-8000-${String(n).padStart(12, '0')}`;

type Spec = { type: string; data: Record<string, unknown>; schemaVersion?: number };
const current = (type: string, data: Record<string, unknown>): Spec => ({ type, data, schemaVersion: catalogueEntry(type as never).version });
const path: Spec[] = [
  current('PersonRegistered', { occurredAt: '1995', provenance: 'interview', pseudonym: 'Sam "1"', birthYear: 1965, note: 'é \\ "quoted"' }),
  current('HousingStatusChanged', { occurredAt: '1995-09', provenance: 'caseworker_observation', status: 'street' }),
  // Version 1, stored before provenance existed: upcast, so never embedded as stored.
  { type: 'NarrativeRecorded', data: { occurredAt: '1996', text: 'A narrative' }, schemaVersion: 1 },
  { type: 'CareEpisodeStarted', data: { occurredAt: '1997', setting: 'outpatient', organisation: { name: 'CSAPA' } } },
  current('HousingStatusChanged', { occurredAt: '1998~', provenance: 'interview', status: 'housed', note: 'a flat' }),
];

/** The same events, as an eager adapter gives them and as a lazy subscription does. */
function recorded(specs: readonly Spec[], first = 0): { eager: RecordedEvent[]; lazy: RecordedEvent[] } {
  const eager: RecordedEvent[] = [];
  const lazy: RecordedEvent[] = [];
  specs.forEach(({ type, data, schemaVersion }, i) => {
    const revision = first + i;
    const metadata = JSON.stringify(schemaVersion === undefined ? { requestId: 'r' } : { requestId: 'r', schemaVersion });
    lazy.push(new LazyRecordedEvent(id(revision + 1), `person-${person}`, revision, type, revision + 1, JSON.stringify(data), metadata, at));
    eager.push({ eventId: id(revision + 1), streamId: `person-${person}`, revision, position: positionFromSequence(revision + 1), type, data: data as JsonObject, metadata: JSON.parse(metadata) as JsonObject, recordedAt: new Date(at) });
  });
  return { eager, lazy };
}

function rowsInMemory(): ParcoursRows {
  const db = new Database(':memory:');
  createParcoursTables(db, table);
  return parcoursRows(db, table);
}

const appendOnly = (rows: ParcoursRows) => (personId: string): PersonCursor => ({ revision: rows.revision(personId), draft: undefined });

describe('foldBatch', () => {
  it('encodes an input as stored when it needs no upcasting, the same as from parsed data', () => {
    const { eager, lazy } = recorded(path);
    expect(lazy.map(encodedParcoursInput)).toEqual(eager.map(encodedParcoursInput));
    expect(decodeInputs(`[${lazy.map(encodedParcoursInput).join(',')}]`)).toEqual(eager.map(toParcoursInput));
    expect(decodeInputs(`[${encodedParcoursInput(lazy[2]!)}]`)[0]!.data).toMatchObject({ provenance: 'unknown', text: 'A narrative' });
  });

  it('writes the same segments from lazy and eager events, skipping redeliveries, and folds the same drafts', () => {
    const { eager, lazy } = recorded(path);
    const [a, b] = [rowsInMemory(), rowsInMemory()];
    for (const [rows, events] of [[a, eager], [b, lazy]] as const) {
      foldBatch(rows, events.slice(0, 3), appendOnly(rows));
      foldBatch(rows, events.slice(1), appendOnly(rows)); // 1 and 2 again: redelivered
    }
    expect(b.segments(person)).toEqual(a.segments(person));
    expect(b.inputs(person)).toEqual(eager.map(toParcoursInput));
    const draft = draftOf(person, []);
    const changes = foldBatch(rowsInMemory(), lazy, () => ({ revision: -1, draft }));
    expect(changes.get(person)!.cursor.revision).toBe(4);
    expect(draft).toEqual(draftOf(person, eager.map(toParcoursInput)));
  });

  it('given PersonErased in a batch, rewrites every segment of the person without protected fields', () => {
    const erased = recorded([...path, current('PersonErased', { occurredAt: '2026', provenance: 'service_record', reason: 'request' })]).lazy;
    const rows = rowsInMemory();
    foldBatch(rows, erased.slice(0, 2), appendOnly(rows));
    const changes = foldBatch(rows, erased.slice(2), appendOnly(rows));
    expect(changes.get(person)!.replaced).toBe(true);
    expect(rows.segments(person)).toHaveLength(1);
    const text = rows.segments(person)[0]!;
    expect(text).not.toMatch(/quoted|a flat|A narrative/);
    expect(rows.inputs(person).map((i) => i.revision)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
