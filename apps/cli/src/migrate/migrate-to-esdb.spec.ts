import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { type EventStore, type NewEvent, type RecordedEvent, SqliteEventStore } from '@parcours/event-store';
import { EsdbEventStore } from '@parcours/event-store/esdb';
import { startFakeEsdb, type FakeEsdb } from '../../../../test/esdb-fake/index.js';
import { migrateToEsdb, type MigrateOptions } from './migrate-to-esdb.js';
import type { MigrationProgress } from './migration-summary.js';

const A = 'person-018f0000-0000-7000-8000-00000000000a';
const B = 'person-018f0000-0000-7000-8000-00000000000b';
const C = 'organisation-018f0000-0000-7000-8000-0000000000c1';
const TOTAL = 14;
const FAST_RETRY = { attempts: 10, initialDelayMs: 10 } as const;

const event = (type: string, data: NewEvent['data'] = {}, extra: Partial<NewEvent> = {}): NewEvent => ({
  eventId: uuidv7(),
  type,
  data,
  metadata: { schemaVersion: 1, requestId: `req-${type}`, recordedBy: { userId: 'anne', organisationId: null } },
  ...extra,
});

/**
 * Three streams appended in interleaved batches, so the global order is not any stream's order:
 * A1, B3, A2, C1, B1, A4, C2 (stream and batch size, in log order).
 */
async function seed(store: EventStore): Promise<void> {
  await store.append(A, [event('PersonRegistered', { pseudonym: 'Chris', birthYear: 1985 })], 'no_stream');
  await store.append(B, [event('PersonRegistered', { pseudonym: 'Sam' }), event('CareEpisodeStarted', { setting: 'addiction_outpatient' }), event('NoteAdded', { text: 'début 2009 — « sevrage »', tags: ['a', 'b'], n: null })], 'no_stream');
  await store.append(A, [event('CareEpisodeStarted', { nested: { deep: [1, 2, { x: true }] } }), event('CareEpisodeEnded', {})], 0);
  await store.append(C, [event('OrganisationRegistered', { name: 'CSAPA' }, { recordedAt: new Date('2009-03-01T08:30:00.123Z') })], 'no_stream');
  await store.append(B, [event('HousingChanged', { to: 'shelter' })], 2);
  await store.append(A, [event('TrainingStarted'), event('TrainingEnded'), event('Hired', { contract: 'CDI' }), event('Relapsed', {}, { metadata: {} })], 2);
  await store.append(C, [event('ConventionSigned', { year: 2010 }), event('ConventionEnded', { year: 2012 })], 0);
}

async function collect(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

/** Everything a copy must keep (positions are the target's own). */
const kept = (e: RecordedEvent) => ({
  eventId: e.eventId,
  streamId: e.streamId,
  revision: e.revision,
  type: e.type,
  data: e.data,
  metadata: e.metadata,
  recordedAt: e.recordedAt.toISOString(),
});

describe('migrateToEsdb (SQLite file → fake EventStoreDB node over gRPC)', () => {
  let dir: string;
  let fake: FakeEsdb;
  let source: SqliteEventStore;
  let target: EsdbEventStore;
  let clockTick = 0;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parcours-migrate-'));
    // A clock that moves by a second per append: every batch has its own recording time.
    source = new SqliteEventStore({ filename: join(dir, 'parcours.sqlite'), clock: () => new Date(Date.UTC(2024, 0, 1) + 1000 * clockTick++) });
    await seed(source);
    fake = await startFakeEsdb();
    target = new EsdbEventStore({ connectionString: fake.url });
  });

  afterEach(async () => {
    await target.close();
    await fake.stop();
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const migrate = (options: MigrateOptions = {}) => migrateToEsdb(source, target, { retry: FAST_RETRY, ...options });
  /** Events the fake node holds, system events left out. */
  const stored = () => fake.log.events.filter((e) => !e.streamId.startsWith('$'));

  async function expectSameStreams(): Promise<void> {
    for (const stream of [A, B, C]) {
      expect((await collect(target.readStream(stream))).map(kept)).toEqual((await collect(source.readStream(stream))).map(kept));
    }
    // Appended one batch after the other, in the source's order: the global order is kept too.
    expect((await collect(target.readAll())).map((e) => e.eventId)).toEqual((await collect(source.readAll())).map((e) => e.eventId));
  }

  it('copies every stream with the same ids, types, data, metadata and recording times, in order, grouping consecutive events in bounded appends', async () => {
    const summary = await migrate({ limits: { maxEvents: 3 } });

    expect(summary).toMatchObject({
      streams: 3,
      events: { read: TOTAL, copied: TOTAL, alreadyThere: 0, skipped: 0 },
      conflicts: [],
      verification: { streams: 3, mismatches: [] },
    });
    await expectSameStreams();
    const c = await collect(target.readStream(C));
    expect(c[0]!.recordedAt.toISOString()).toBe('2009-03-01T08:30:00.123Z');
    // A1, B3, A2, C1, B1, A3 + A1 (the four-event run cut at three), C2: one commit per append, one stream each.
    const commits = new Map<bigint, Set<string>>();
    for (const e of stored()) commits.set(e.commit, (commits.get(e.commit) ?? new Set()).add(e.streamId));
    expect(commits.size).toBe(8);
    expect([...commits.values()].every((streams) => streams.size === 1)).toBe(true);
  });

  it('given everything was copied, when it runs again, then nothing is written and every event is reported already there', async () => {
    await migrate();
    const before = stored().length;

    const again = await migrate();

    expect(again).toMatchObject({ streams: 3, events: { read: TOTAL, copied: 0, alreadyThere: TOTAL, skipped: 0 }, conflicts: [], verification: { mismatches: [] } });
    expect(stored()).toHaveLength(before);
    await expectSameStreams();
  });

  it('given a run stopped part-way, when it runs again with other batch bounds, then it completes exactly, checking the part already copied', async () => {
    // Batches of two: A1, B2 | B1, ... — stop after the second append, inside B's first run of three.
    const stop = new Error('stopped by the test');
    const partial = migrate({
      limits: { maxEvents: 2 },
      onProgress: (p: MigrationProgress) => {
        if (p.eventsRead >= 3) throw stop;
      },
    });
    await expect(partial).rejects.toBe(stop);
    expect(stored().map((e) => `${e.streamId}@${e.revision}`)).toEqual([`${A}@0`, `${B}@0`, `${B}@1`]);

    // Now B's three events are one batch: the target holds its first two (checked, not rewritten), the third is appended.
    const rest = await migrate();

    expect(rest).toMatchObject({ events: { read: TOTAL, copied: TOTAL - 3, alreadyThere: 3, skipped: 0 }, conflicts: [], verification: { mismatches: [] } });
    expect(stored()).toHaveLength(TOTAL);
    await expectSameStreams();
  });

  it('given the connections drop during the copy, then appends are retried and every event lands exactly once', async () => {
    let batches = 0;
    const retried: string[] = [];
    const summary = await migrate({
      retry: { ...FAST_RETRY, onRetry: ({ error }) => void retried.push(error.message) },
      limits: { maxEvents: 2 },
      onProgress: (p) => {
        if (p.phase === 'copy' && ++batches % 3 === 0) void fake.dropConnections();
      },
    });

    expect(retried).toContainEqual(expect.stringMatching(/^EventStoreDB append to .* failed: 14 UNAVAILABLE/));
    expect(summary).toMatchObject({ events: { copied: TOTAL, alreadyThere: 0 }, conflicts: [], verification: { mismatches: [] } });
    expect(stored()).toHaveLength(TOTAL);
    await expectSameStreams();
  });

  it('given the target already holds other events in a stream, then that stream is reported as a conflict, left untouched, and the others are copied', async () => {
    const foreign = [event('SomethingElse'), event('SomethingElse')];
    await target.append(B, foreign, 'no_stream');
    const sourceB = await collect(source.readStream(B));

    const summary = await migrate();

    expect(summary).toMatchObject({ streams: 3, events: { read: TOTAL, copied: TOTAL - 4, alreadyThere: 0, skipped: 4 }, verification: { streams: 2, mismatches: [] } });
    expect(summary.conflicts).toEqual([
      {
        streamId: B,
        revision: 0,
        message: `stream ${B} at revision 0: the target holds event ${foreign[0]!.eventId} (SomethingElse), the source has ${sourceB[0]!.eventId} (PersonRegistered)`,
      },
    ]);
    expect((await collect(target.readStream(B))).map((e) => e.eventId)).toEqual(foreign.map((e) => e.eventId));
    for (const stream of [A, C]) {
      expect((await collect(target.readStream(stream))).map(kept)).toEqual((await collect(source.readStream(stream))).map(kept));
    }
  });

  it('given the target holds a stream copied in part then written to, then the conflict names the first revision that differs', async () => {
    const sourceB = await collect(source.readStream(B));
    const copiedPart = sourceB.slice(0, 3).map((e) => ({ eventId: e.eventId, type: e.type, data: e.data, metadata: e.metadata, recordedAt: e.recordedAt }));
    await target.append(B, copiedPart, 'no_stream');
    const intruder = event('WrittenByTheApi');
    await target.append(B, [intruder], 2);

    const summary = await migrate();

    expect(summary.events).toEqual({ read: TOTAL, copied: TOTAL - 4, alreadyThere: 3, skipped: 1 });
    expect(summary.conflicts).toHaveLength(1);
    expect(summary.conflicts[0]).toMatchObject({ streamId: B, revision: 3 });
    expect(summary.conflicts[0]!.message).toBe(
      `stream ${B} at revision 3: the target holds event ${intruder.eventId} (WrittenByTheApi), the source has ${sourceB[3]!.eventId} (HousingChanged)`,
    );
  });

  it('given the target holds more events than the source in a stream, then verification reports it', async () => {
    await migrate();
    await target.append(A, [event('AddedOnTheTarget')], 6);

    const again = await migrate();

    expect(again.conflicts).toEqual([]);
    expect(again.events).toMatchObject({ copied: 0, alreadyThere: TOTAL });
    expect(again.verification?.mismatches).toHaveLength(1);
    expect(again.verification?.mismatches[0]!.message).toMatch(new RegExp(`^stream ${A}: the target has 8 events ending with [0-9a-f-]{36}, the source 7 ending with [0-9a-f-]{36}$`));
  });

  it('given verification is off, then the summary has none', async () => {
    const summary = await migrate({ verify: false });
    expect(summary.verification).toBeUndefined();
    expect(summary.events.copied).toBe(TOTAL);
  });
});
