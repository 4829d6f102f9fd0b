import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import type request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import type { EventStore, RecordedEvent } from '@parcours/event-store';
import { createRawEventStore } from '../../apps/api/src/infrastructure/create-event-store.js';
import { ProjectionRunner } from '../../apps/api/src/projections/index.js';
import { storeKindsUnderTest } from '../support/store-kinds.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Agent = Awaited<ReturnType<TestApp['as']>>;
const marker = (label: string) => `${label}${randomBytes(6).toString('hex')}`;
const event = (type: string, occurredAt: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type, occurredAt, provenance: 'interview', data, ...extra });

async function collect(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

/** The bytes SQLite keeps for a database: the file and its WAL. */
function filesOf(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

/** The same, after moving the WAL into the file (the WAL is emptied). */
function bytesOf(file: string): Buffer {
  const db = new Database(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return filesOf(file);
}

/**
 * Crypto-shredding (issue #7, item 4): a person's identity and free text are sealed with their
 * own data key; DELETE /persons/:id destroys it. Afterwards, every output is scanned for the
 * plaintext: routes, exports, replays, a rebuild, the stored events and the files themselves.
 */
describe.each(storeKindsUnderTest())('erasure (crypto-shredding) on the %s store', (kind) => {
  let t: TestApp;
  let caseworker: Agent;
  let admin: Agent;
  let researcher: Agent;
  const personId = uuidv7();
  const bystander = uuidv7();
  const cohortId = uuidv7();
  const careStart = uuidv7();
  const episodeId = uuidv7();
  const secret = {
    firstName: marker('Firstname'),
    lastName: marker('Lastname'),
    email: `${marker('mail')}@example.org`,
    phone: marker('tel'),
    address: marker('street'),
    registrationNote: marker('notereg'),
    careNote: marker('notecare'),
    narrative: marker('narrative'),
    correctionNote: marker('notefix'),
  };
  const bystanderNote = marker('bystander');
  let position = '';
  let erasure: request.Response;
  let wrappedKey: Buffer;
  /** The plaintext markers an output contains, by name: `{ [label]: [] }` when it reveals nothing. */
  const leaks = (label: string, output: string | Buffer) => ({ [label]: Object.values(secret).filter((m) => output.includes(m)) });
  const none = (label: string) => ({ [label]: [] });

  beforeAll(async () => {
    t = await startTestApp(kind);
    [caseworker, admin, researcher] = await Promise.all([t.as('caseworker'), t.as('admin'), t.as('researcher')]);
    const { firstName, lastName, email, phone, address } = secret;
    const identity = { firstName, lastName, email, phone, address };
    await caseworker.post('/persons').send({ id: personId, pseudonym: 'Erin', birthYear: 1981, occurredAt: '2010-01-10', provenance: 'interview', note: secret.registrationNote, identity }).expect(201);
    await caseworker.post('/persons').send({ id: bystander, pseudonym: 'Bo', occurredAt: '2010-01-10', provenance: 'interview', note: bystanderNote }).expect(201);
    const events = [
      event('ConsentRecorded', '2010-01-10', { scope: 'research' }),
      event('HousingStatusChanged', '2010-01-10', { status: 'street' }),
      event('CareEpisodeStarted', '2010-01', { episodeId, setting: 'addiction_outpatient' }, { eventId: careStart, note: secret.careNote }),
      event('WorkshopEntered', '2010-02', { episodeId: uuidv7(), workshop: 'Infographie' }),
      event('NarrativeRecorded', '2011', { text: secret.narrative }),
    ];
    await caseworker.post(`/persons/${personId}/events/batch`).send({ events }).expect(201);
    const replacement = { occurredAt: '2010-02', provenance: 'service_record', episodeId, setting: 'addiction_outpatient', note: secret.correctionNote };
    const fix = await caseworker.post(`/persons/${personId}/events`).send(event('EventCorrected', '2012', { targetEventId: careStart, replacement, reason: 'record gives the month' })).expect(201);
    position = fix.body.position;
    await admin.post('/admin/cohorts').send({ id: cohortId, name: 'First seen in 2010', entryRule: 'first_contact', entryFrom: '2010', entryTo: '2010', cutoff: '2011-06' }).expect(201);
  });
  afterAll(async () => t?.close());

  it('shows the caseworker the identity, notes and text, while the stored events hold none of it in clear', async () => {
    const history = await caseworker.get(`/persons/${personId}/events`).expect(200);
    expect(leaks('events', history.text)['events']).toEqual(Object.values(secret));
    const parcours = await caseworker.get(`/persons/${personId}/parcours`).query({ minPosition: position }).expect(200);
    expect(parcours.text).toContain(secret.narrative);
    expect(parcours.text).toContain(secret.correctionNote);
    expect(leaks('second connection', JSON.stringify(await collect(t.store.readAll())))['second connection']).toHaveLength(Object.keys(secret).length);
    const raw = await createRawEventStore(t.config);
    try {
      expect(leaks('stored events', JSON.stringify(await collect(raw.readAll())))).toEqual(none('stored events'));
    } finally {
      await raw.close();
    }
    // The read model holds the text until erasure, and the scan of the file finds it: the checks below can fail.
    expect(leaks('read-model file', bytesOf(t.config.dbPath))['read-model file']).toContain(secret.narrative);
    const keys = new Database(t.config.keyDbPath, { readonly: true });
    wrappedKey = keys.prepare<[string], Buffer>('SELECT wrapped FROM data_keys WHERE person_id = ?').pluck().get(personId)!;
    keys.close();
    expect(bytesOf(t.config.keyDbPath).includes(wrappedKey)).toBe(true);
  });

  it('refuses an erasure without a reason (400 naming it), by a non-admin (403), of an unknown person (404)', async () => {
    const missing = await admin.delete(`/persons/${personId}`).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'reason', rule: 'required' })]);
    const empty = await admin.delete(`/persons/${personId}`).query({ reason: '' }).expect(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    await caseworker.delete(`/persons/${personId}`).send({ reason: 'request' }).expect(403);
    await researcher.delete(`/persons/${personId}`).send({ reason: 'request' }).expect(403);
    await admin.delete(`/persons/${uuidv7()}`).send({ reason: 'request' }).expect(404);
    const history = await caseworker.get(`/persons/${personId}/events`).expect(200);
    expect(history.text).toContain(secret.firstName);
  });

  it('erases: 200 with PersonErased; repeated, the same answer, nothing written twice', async () => {
    erasure = await admin.delete(`/persons/${personId}`).send({ reason: 'request of the person (GDPR art. 17)' }).expect(200);
    expect(erasure.body).toMatchObject({ personId, revision: 7, replayed: false, erasedAt: expect.any(String), readModelsPurged: true });
    // Purged by the erasure itself (projections caught up, WAL checkpointed), before anyone else checkpoints.
    expect(leaks('read-model file after DELETE', filesOf(t.config.dbPath))).toEqual(none('read-model file after DELETE'));
    const again = await admin.delete(`/persons/${personId}`).query({ reason: 'asked twice' }).expect(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect({ ...again.body, readModelsPurged: null }).toEqual({ ...erasure.body, replayed: true, readModelsPurged: null });
    const history = await caseworker.get(`/persons/${personId}/events`).expect(200);
    expect(history.body.events.map((e: { type: string }) => e.type).filter((type: string) => type === 'PersonErased')).toHaveLength(1);
  });

  it('refuses any event about the erased person (422 PERSON_ERASED), and PersonErased posted as an event (422: only DELETE erases)', async () => {
    const plain = await caseworker.post(`/persons/${personId}/events`).send(event('HousingStatusChanged', '2020', { status: 'street' })).expect(422);
    expect(plain.body.code).toBe('PERSON_ERASED');
    const noted = await caseworker.post(`/persons/${personId}/events`).send(event('HousingStatusChanged', '2020', { status: 'street' }, { note: 'after' })).expect(422);
    expect(noted.body.code).toBe('PERSON_ERASED');
    const posted = await caseworker.post(`/persons/${bystander}/events`).send(event('PersonErased', '2020', { reason: 'asked' })).expect(422);
    expect(posted.body.code).toBe('ERASE_WITH_DELETE');
  });

  it('reveals the identity and the text nowhere: routes, replays, exports, a rebuild, the log, the files', async () => {
    const minPosition = erasure.body.position as string;
    const outputs: [string, string | Buffer][] = [];
    const read = async (label: string, agent: Agent, path: string, query: Record<string, string> = {}, accept?: string) => {
      const res = await agent.get(path).query(query).set('accept', accept ?? '*/*');
      outputs.push([`${label} (${res.status})`, res.text ?? JSON.stringify(res.body)]);
    };
    await read('events', caseworker, `/persons/${personId}/events`);
    await read('events (researcher)', researcher, `/persons/${personId}/events`);
    await read('parcours', caseworker, `/persons/${personId}/parcours`, { minPosition });
    await read('parcours as known before erasure', caseworker, `/persons/${personId}/parcours`, { asKnownAt: erasure.body.erasedAt });
    await read('parcours as lived', caseworker, `/persons/${personId}/parcours`, { asLivedAt: '2011', minPosition });
    await read('replay', caseworker, `/persons/${personId}/replay`);
    await read('replay (events)', caseworker, `/persons/${personId}/replay`, {}, 'text/event-stream');
    for (const kind of ['spells', 'events', 'persons', 'alphabet', 'survival']) {
      for (const ext of ['csv', 'json']) await read(`${kind}.${ext}`, researcher, `/cohorts/${cohortId}/exports/${kind}.${ext}`, { project: 'p', minPosition });
    }
    await read('sequences.csv', researcher, `/cohorts/${cohortId}/exports/sequences.csv`, { project: 'p', field: 'social', minPosition });
    await read('transitions', researcher, `/cohorts/${cohortId}/transitions`, { field: 'social', minPosition });
    outputs.push(['second connection', JSON.stringify(await collect(t.store.readAll()))]);
    const raw: EventStore = await createRawEventStore(t.config);
    outputs.push(['stored events', JSON.stringify(await collect(raw.readAll()))]);
    await raw.close();
    outputs.push(['read-model file (live)', bytesOf(t.config.dbPath)]);
    await t.app.get(ProjectionRunner).rebuild('parcours');
    await read('parcours after rebuild', caseworker, `/persons/${personId}/parcours`);
    outputs.push(['read-model file (rebuilt)', bytesOf(t.config.dbPath)]);
    outputs.push(['key store file', bytesOf(t.config.keyDbPath)]);

    expect(outputs.map(([label]) => label).filter((label) => !/\(200\)|file|connection|stored/.test(label))).toEqual([]);
    for (const [label, output] of outputs) expect(leaks(label, output)).toEqual(none(label));
    expect(bytesOf(t.config.keyDbPath).includes(wrappedKey)).toBe(false);
  });

  it('leaves the other persons readable', async () => {
    const history = await caseworker.get(`/persons/${bystander}/events`).expect(200);
    expect(history.text).toContain(bystanderNote);
  });
});
