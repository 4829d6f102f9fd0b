import 'reflect-metadata';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { foldPerson, parsePersonEvent, type IdentifiedPersonEvent } from '@parcours/domain';
import { SqliteEventStore } from '@parcours/event-store';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { appendWithRetry } from './commands/append-with-retry.js';
import { PersonStateCache } from './person-state-cache.js';
import { PersonStreamRepository } from './person-stream.repository.js';
import { StreamQueue } from './stream-queue.js';

const make = (type: string, data: Record<string, unknown>) => ({ ...parsePersonEvent(type, data, ''), eventId: uuidv7() }) as IdentifiedPersonEvent;
const registered = () => make('PersonRegistered', { pseudonym: 'Sam', birthYear: 1980, occurredAt: '2003', provenance: 'interview' });
const careStart = () => make('CareEpisodeStarted', { episodeId: uuidv7(), setting: 'addiction_outpatient', occurredAt: '2004', provenance: 'interview' });

describe('PersonStreamRepository decision state', () => {
  let dir: string;
  let store: SqliteEventStore;
  let other: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parcours-repository-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    other = new SqliteEventStore({ filename: join(dir, 'events.sqlite') }); // another instance or process
  });
  afterEach(async () => {
    await store.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const record = (repository: PersonStreamRepository, personId: string, events: IdentifiedPersonEvent[]) =>
    appendWithRetry(repository, personId, { type: 'RecordPersonEvents', events }, undefined, {});
  const register = (repository: PersonStreamRepository, personId: string) =>
    appendWithRetry(repository, personId, { type: 'RegisterPerson', event: registered() as never }, undefined, {});

  it('after its own appends, holds the state a fold of the stored stream gives, with every event id', async () => {
    const repository = new PersonStreamRepository(store);
    const personId = uuidv7();
    await register(repository, personId);
    await record(repository, personId, [careStart(), careStart()]);
    const cached = await repository.decisionState(personId);
    const stored = await new PersonStreamRepository(store).load(personId);
    expect(cached.revision).toBe(2);
    expect(cached.state).toEqual(foldPerson(stored.events));
    expect([...cached.eventIds].sort()).toEqual(stored.recorded.map((e) => e.eventId).sort());
  });

  it('sees what another writer appended since it cached the person', async () => {
    const repository = new PersonStreamRepository(store);
    const elsewhere = new PersonStreamRepository(other);
    const personId = uuidv7();
    await register(repository, personId);
    expect((await repository.decisionState(personId)).revision).toBe(0);
    const late = careStart();
    await record(elsewhere, personId, [late]);
    const current = await repository.decisionState(personId);
    expect(current.revision).toBe(1);
    expect(current.state.facts.has(late.eventId)).toBe(true);
    expect(current.eventIds.has(late.eventId)).toBe(true);
  });

  it('knows which organisation recorded the registration, from its own append and from the stored metadata', async () => {
    const repository = new PersonStreamRepository(store);
    const personId = uuidv7();
    const organisationId = uuidv7();
    await appendWithRetry(repository, personId, { type: 'RegisterPerson', event: registered() as never }, undefined, { recordedBy: { userId: 'u1', organisationId } });
    await record(repository, personId, [careStart()]);
    expect((await repository.decisionState(personId)).registeredBy).toBe(organisationId);
    expect((await new PersonStreamRepository(other).decisionState(personId)).registeredBy).toBe(organisationId);
  });

  it('keeps nothing of a person once PersonErased is in the stream', async () => {
    const repository = new PersonStreamRepository(store);
    const personId = uuidv7();
    await register(repository, personId);
    await record(repository, personId, [make('PersonErased', { occurredAt: '2020', provenance: 'service_record', reason: 'request' })]);
    expect((repository as unknown as { cache: PersonStateCache }).cache.size).toEqual({ persons: 0, events: 0 });
    expect((await repository.decisionState(personId)).state.erased).toBe(true);
    expect((repository as unknown as { cache: PersonStateCache }).cache.size.persons).toBe(0);
  });
});

describe('PersonStateCache', () => {
  const entry = (revision: number) => ({ revision, state: foldPerson([]), eventIds: new Set<string>(), registeredBy: null });

  it('evicts the least recently used persons beyond its bound in events', () => {
    const cache = new PersonStateCache(10);
    cache.set('a', entry(3)); // 4 events
    cache.set('b', entry(3));
    cache.get('a'); // a is now more recent than b
    cache.set('c', entry(3));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.revision).toBe(3);
    expect(cache.size).toEqual({ persons: 2, events: 8 });
    cache.set('huge', entry(20)); // larger than the whole bound: not kept
    expect(cache.get('huge')).toBeUndefined();
  });
});

describe('StreamQueue', () => {
  it('runs work for one key one at a time, in order, and other keys meanwhile; a failure does not stop the next', async () => {
    const queue = new StreamQueue();
    const log: string[] = [];
    const step = (key: string, label: string, ms: number, fail = false) =>
      queue.run(key, async () => {
        log.push(`start ${label}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${label}`);
        if (fail) throw new Error(label);
        return label;
      });
    const results = await Promise.allSettled([step('p', 'p1', 20, true), step('p', 'p2', 1), step('q', 'q1', 5)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log).toEqual(['start p1', 'start q1', 'end q1', 'end p1', 'start p2', 'end p2']);
    expect(queue.activeKeys).toBe(0);
  });
});
