import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { START, SqliteEventStore, storedText, type EventStore, type NewEvent, type RecordedEvent } from '@parcours/event-store';
import { v7 as uuidv7 } from 'uuid';
import { EncryptingEventStore, SEALED_FIELD } from './encrypting-event-store.js';
import { KeyStore } from './key-store.js';
import { DataKeyMissingError, ErasureRouteError, PersonErasedError, SealedDataError } from './privacy-errors.js';

const collect = async (events: AsyncIterable<RecordedEvent>) => {
  const out: RecordedEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
};
const registered = (): NewEvent => ({
  eventId: uuidv7(),
  type: 'PersonRegistered',
  data: { occurredAt: '2010', provenance: 'interview', pseudonym: 'Sam', identity: { firstName: 'Samira', email: 'samira@example.org' }, note: 'met at the station' },
});
const narrative = (): NewEvent => ({ eventId: uuidv7(), type: 'NarrativeRecorded', data: { occurredAt: '2012', provenance: 'interview', text: 'Hospitalisations stopped.' } });
const housing = (): NewEvent => ({ eventId: uuidv7(), type: 'HousingStatusChanged', data: { occurredAt: '2011', provenance: 'interview', status: 'street' } });
const erasure = (): NewEvent => ({ eventId: uuidv7(), type: 'PersonErased', data: { occurredAt: '2026', provenance: 'service_record', reason: 'request' } });
const SECRETS = /Samira|samira@|station|Hospitalisations/;

describe('encrypting event store (crypto-shredding decorator)', () => {
  let dir: string;
  let raw: SqliteEventStore;
  let keys: KeyStore;
  let store: EventStore;
  const person = () => `person-${uuidv7()}`;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parcours-sealed-'));
    raw = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), pollMs: 20 });
    keys = new KeyStore(join(dir, 'keys.sqlite'), randomBytes(32));
    store = new EncryptingEventStore(raw, keys);
  });
  afterEach(async () => {
    await store.close();
    keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given protected fields, when appended, then the stored event holds only an envelope, and every read path opens it', async () => {
    const stream = person();
    const events = [registered(), narrative(), housing()];
    const result = await store.append(stream, events, 'no_stream');
    const stored = await collect(raw.readStream(stream));
    expect(JSON.stringify(stored)).not.toMatch(SECRETS);
    expect(stored.map((e) => typeof e.data[SEALED_FIELD])).toEqual(['string', 'string', 'undefined']);
    expect(stored[0]!.data['pseudonym']).toBe('Sam');

    const read = await collect(store.readStream(stream));
    expect(read.map((e) => e.data)).toEqual(events.map((e) => e.data));
    expect(read.map((e) => [e.eventId, e.position])).toEqual(stored.map((e) => [e.eventId, e.position]));
    expect(result.position).toBe(stored[2]!.position);
    expect((await collect(store.readAll())).map((e) => e.data)).toEqual(events.map((e) => e.data));
    const delivered: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(START, { onEvent: (e) => void delivered.push(e) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await subscription.stop();
    expect(delivered.map((e) => e.data)).toEqual(events.map((e) => e.data));
  });

  it('seals the note inside a correction\'s replacement, and leaves other streams untouched', async () => {
    const stream = person();
    const target = housing();
    const fix: NewEvent = { eventId: uuidv7(), type: 'EventCorrected', data: { occurredAt: '2012', provenance: 'interview', targetEventId: target.eventId, reason: 'date', replacement: { ...target.data, note: 'slept at the station' } } };
    await store.append(stream, [registered(), target, fix], 'no_stream');
    expect(JSON.stringify(await collect(raw.readStream(stream)))).not.toMatch(SECRETS);
    expect((await collect(store.readStream(stream)))[2]!.data).toEqual(fix.data);
    await store.append('organisation-x1', [{ eventId: uuidv7(), type: 'OrganisationRegistered', data: { note: 'plain' } }], 'any');
    expect((await collect(raw.readStream('organisation-x1')))[0]!.data).toEqual({ note: 'plain' });
  });

  it('keeps idempotency: the same append again returns the first result and writes nothing', async () => {
    const stream = person();
    const events = [registered()];
    const first = await store.append(stream, events, 'no_stream');
    expect(await store.append(stream, events, 'no_stream')).toEqual(first);
    expect(await collect(raw.readStream(stream))).toHaveLength(1);
  });

  it('given the key destroyed, then every read path leaves the protected fields out, and the rest is intact', async () => {
    const stream = person();
    const personId = stream.slice('person-'.length);
    await store.append(stream, [registered(), narrative(), housing()], 'no_stream');
    keys.destroy(personId, { eventId: uuidv7(), data: {}, metadata: {} });
    const views = [await collect(store.readStream(stream)), (await collect(store.readAll())).filter((e) => e.streamId === stream)];
    for (const events of views) {
      expect(JSON.stringify(events)).not.toMatch(SECRETS);
      expect(JSON.stringify(events)).not.toContain(SEALED_FIELD);
      expect(events.map((e) => e.data)).toEqual([
        { occurredAt: '2010', provenance: 'interview', pseudonym: 'Sam' },
        { occurredAt: '2012', provenance: 'interview' },
        housing().data,
      ]);
    }
  });

  it('given the key destroyed, then only PersonErased may be appended; PersonErased before that is refused', async () => {
    const stream = person();
    const personId = stream.slice('person-'.length);
    await store.append(stream, [registered()], 'no_stream');
    await expect(store.append(stream, [erasure()], 0)).rejects.toThrow(ErasureRouteError);
    keys.destroy(personId, { eventId: uuidv7(), data: {}, metadata: {} });
    await expect(store.append(stream, [housing()], 0)).rejects.toThrow(PersonErasedError);
    await expect(store.append(stream, [{ ...erasure(), data: { ...erasure().data, note: 'x' } }], 0)).rejects.toThrow(PersonErasedError);
    await expect(store.append(stream, [erasure()], 0)).resolves.toMatchObject({ nextRevision: 1 });
  });

  it('refuses a sealed field copied into another event, and a key the key store never had', async () => {
    const stream = person();
    await store.append(stream, [registered()], 'no_stream');
    const [stored] = await collect(raw.readStream(stream));
    await raw.append(stream, [{ eventId: uuidv7(), type: 'PersonRegistered', data: stored!.data }], 0);
    await expect(collect(store.readStream(stream))).rejects.toThrow(SealedDataError);

    const otherKeys = new KeyStore(join(dir, 'other-keys.sqlite'), randomBytes(32));
    try {
      await expect(collect(new EncryptingEventStore(raw, otherKeys).readStream(stream, { maxCount: 1 }))).rejects.toThrow(DataKeyMissingError);
    } finally {
      otherKeys.close();
    }
  });

  it('given a lazy subscription, then events naming no protected field pass as stored, and the others are opened, or shredded once the key is gone', async () => {
    const subscribe = async () => {
      const delivered: RecordedEvent[] = [];
      const subscription = store.subscribeToAll(START, { onEvent: (e) => void delivered.push(e) }, { lazy: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await subscription.stop();
      return delivered;
    };
    const stream = person();
    const personId = stream.slice('person-'.length);
    const events = [registered(), narrative(), housing()];
    await store.append(stream, events, 'no_stream');
    // Stored before sealing existed (or by a raw copy): a note in the clear, no envelope.
    const legacy: NewEvent = { ...housing(), data: { ...housing().data, note: 'slept at the station' } };
    await raw.append(stream, [legacy], 2);

    const open = await subscribe();
    expect(open.map((e) => e.data)).toEqual([...events, legacy].map((e) => e.data));
    expect(storedText(open[2]!)?.data).toBe(JSON.stringify(housing().data)); // as stored: not rebuilt
    expect(storedText(open[0]!)).toBeUndefined(); // opened: new data

    keys.destroy(personId, { eventId: uuidv7(), data: {}, metadata: {} });
    const shredded = await subscribe();
    expect(JSON.stringify(shredded.map((e) => e.data))).not.toMatch(SECRETS);
    expect(shredded.map((e) => e.data)).toEqual([
      { occurredAt: '2010', provenance: 'interview', pseudonym: 'Sam' },
      { occurredAt: '2012', provenance: 'interview' },
      housing().data,
      housing().data,
    ]);
    expect(shredded.map((e) => [e.eventId, e.position, e.revision, e.recordedAt.toISOString()])).toEqual(open.map((e) => [e.eventId, e.position, e.revision, e.recordedAt.toISOString()]));
  });

  it('refuses the reserved field in appended data', async () => {
    await expect(store.append(person(), [{ eventId: uuidv7(), type: 'HousingStatusChanged', data: { [SEALED_FIELD]: 'x' } }], 'any')).rejects.toThrow(/reserved field/);
  });
});
