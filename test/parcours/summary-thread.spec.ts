import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { foldParcours, summarisePerson, type ParcoursInput } from '@parcours/domain';
import { positionFromSequence, type JsonObject, type RecordedEvent } from '@parcours/event-store';
import { ParcoursCatchUp } from '../../apps/api/src/parcours/parcours-catch-up.js';
import { summaryText } from '../../apps/api/src/parcours/parcours-inputs.js';
import { loadSummaries, parcoursProjection } from '../../apps/api/src/parcours/parcours.projection.js';
import { parcoursRows } from '../../apps/api/src/parcours/parcours-tables.js';
import { ThreadSummariser } from '../../apps/api/src/parcours/summariser.js';
import { tableNamer } from '../../apps/api/src/projections/projection-definition.js';
import { tempDir } from '../projections/support/harness.js';
import { historyArbitrary, schemaVersionOf } from './history-arbitrary.js';

/** The worker as the application runs it: compiled, from dist/ (built once before the tests). */
const WORKER = new URL('../../dist/apps/api/src/parcours/summary-worker.js', import.meta.url);

const persons = (n: number) =>
  fc.sample(historyArbitrary(7), { numRuns: n, seed: 42 }).map(({ events }, p) => {
    const personId = `018f0007-0000-7000-8000-${String(p).padStart(12, '0')}`;
    const inputs = events.map((e, revision) => ({ ...e, revision, recordedAt: '2012-11-01T00:00:00.000Z' }) as unknown as ParcoursInput);
    return { personId, inputs, events };
  });

async function drain(summariser: ThreadSummariser) {
  const results = [];
  for (;;) {
    await summariser.ready();
    const taken = summariser.take();
    if (!taken.length) return results;
    results.push(...taken);
  }
}

/** A file database with the parcours tables (the thread reads it on its own connection). */
function fileDatabase() {
  const tmp = tempDir('parcours-summary-thread-');
  const db = new Database(tmp.dbPath);
  db.pragma('journal_mode = WAL');
  const table = tableNamer('parcours', parcoursProjection.version);
  parcoursProjection.createTables(db, table);
  const rows = parcoursRows(db, table);
  const thread = (url: URL) => new ThreadSummariser(url, { filename: tmp.dbPath, segments: table('segments') }, (id) => rows.segments(id));
  return { db, table, rows, thread, close: () => (db.close(), tmp.remove()) };
}

describe('summaries on a thread of their own', () => {
  it('gives the same stored summaries as this thread, reading the committed segments itself', async () => {
    const sample = persons(40);
    const file = fileDatabase();
    const summariser = file.thread(WORKER);
    try {
      // Segments as a catch-up writes them: one per batch of the person's events.
      file.db.transaction(() => {
        for (const { personId, inputs } of sample) {
          file.rows.append(personId, inputs.slice(0, 3));
          if (inputs.length > 3) file.rows.append(personId, inputs.slice(3));
        }
      })();
      for (const { personId, inputs } of sample) summariser.request({ personId, revision: inputs.at(-1)!.revision });
      const results = await drain(summariser);
      const expected = sample.map(({ personId, inputs }) => ({ personId, revision: inputs.at(-1)!.revision, text: summaryText(foldParcours(personId, inputs)) }));
      expect(results.sort((a, b) => a.personId.localeCompare(b.personId))).toEqual(expected);
    } finally {
      summariser.close();
      file.close();
    }
  });

  it('has closed its connection when close() returns: the connection closed last then removes the WAL files', async () => {
    const { personId, inputs } = persons(1)[0]!;
    const file = fileDatabase();
    const summariser = file.thread(WORKER);
    try {
      file.db.transaction(() => file.rows.append(personId, inputs))();
      summariser.request({ personId, revision: inputs.at(-1)!.revision });
      expect(await drain(summariser)).toHaveLength(1); // the thread has its connection open
      summariser.close();
      file.db.close();
      expect([existsSync(`${file.db.name}-wal`), existsSync(`${file.db.name}-shm`)]).toEqual([false, false]);
    } finally {
      summariser.close();
      file.close();
    }
  });

  it('writes nothing for a revision its segments do not reach yet, and summarises here what a failed thread did not answer', async () => {
    const { personId, inputs } = persons(1)[0]!;
    const file = fileDatabase();
    const broken = join(tmpdir(), `parcours-broken-worker-${process.pid}.mjs`);
    writeFileSync(broken, "throw new Error('this worker cannot start');\n");
    const working = file.thread(WORKER);
    const failing = file.thread(pathToFileURL(broken));
    try {
      file.db.transaction(() => file.rows.append(personId, inputs))();
      const last = inputs.at(-1)!.revision;
      working.request({ personId, revision: last + 1 });
      expect(await drain(working)).toEqual([]);
      failing.request({ personId, revision: last });
      expect(await drain(failing)).toEqual([{ personId, revision: last, text: summaryText(foldParcours(personId, inputs)) }]);
    } finally {
      working.close();
      failing.close();
      file.close();
      rmSync(broken, { force: true });
    }
  });

  it('lets a catch-up end with every summary written, equal to those made here, persons leaving memory and coming back while their summaries are on their way', async () => {
    const sample = persons(150);
    const streams: RecordedEvent[][] = sample.map(({ personId, events }) =>
      events.map((e, revision) => ({ eventId: e.eventId, streamId: `person-${personId}`, revision, position: '', type: e.type, data: e.data as JsonObject, metadata: { schemaVersion: schemaVersionOf(e.type) }, recordedAt: new Date('2012-11-01T00:00:00Z') })),
    );
    // Half the persons one after the other, the other half interleaved, as years of recording would.
    const log: RecordedEvent[] = streams.slice(0, 75).flat();
    for (let i = 0; streams.slice(75).some((s) => i < s.length); i++) for (const s of streams.slice(75)) if (i < s.length) log.push(s[i]!);
    log.forEach((e, i) => Object.assign(e, { position: positionFromSequence(i + 1) }));
    const { db, table, rows, close } = fileDatabase();
    const session = new ParcoursCatchUp(rows, { maxPersons: 10, summaryWorker: { url: WORKER, data: { filename: db.name, segments: table('segments') } } });
    try {
      const inputsOf = (personId: string, events: readonly RecordedEvent[]) =>
        events.filter((e) => e.streamId === `person-${personId}`).map((e) => ({ eventId: e.eventId, type: e.type, data: e.data, revision: e.revision, recordedAt: '2012-11-01T00:00:00.000Z' }) as unknown as ParcoursInput);
      for (let at = 0; at < log.length; at += 40) {
        db.transaction(() => session.applyBatch(log.slice(at, at + 40)))();
        // A reader between batches sees every summary as of the checkpoint (stale ones recomputed).
        const seen = log.slice(0, at + 40);
        for (const summary of loadSummaries(db, table)) expect(summary).toEqual(summarisePerson(foldParcours(summary.personId, inputsOf(summary.personId, seen))));
        // Summaries come back now and then: some of them after their person came back and changed.
        if ((at / 40) % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 2));
      }
      while (!db.transaction(() => session.finishStep())()) await session.ready();
      const stored = new Map(db.prepare<[], [string, string]>(`SELECT person_id, summary FROM ${table('summaries')}`).raw().all());
      for (const { personId } of sample) expect(stored.get(personId)).toBe(summaryText(foldParcours(personId, inputsOf(personId, log))));
      expect(db.prepare(`SELECT count(*) FROM ${table('stale')}`).pluck().get()).toBe(0);
    } finally {
      session.close();
      close();
    }
  });

  it('never writes a summary that came back after its person changed: readers would take it for current', async () => {
    const [a, b] = persons(40).filter((p) => p.events.length >= 4);
    const event = (person: typeof a, revision: number): RecordedEvent => {
      const e = person!.events[revision]!;
      return { eventId: e.eventId, streamId: `person-${person!.personId}`, revision, position: '', type: e.type, data: e.data as JsonObject, metadata: { schemaVersion: schemaVersionOf(e.type) }, recordedAt: new Date('2012-11-01T00:00:00Z') };
    };
    const batches = [[0, 1, 2].map((r) => event(a, r)), [0, 1, 2].map((r) => event(b, r)), [event(a, 3)], [event(b, 3)]];
    batches.flat().forEach((e, i) => Object.assign(e, { position: positionFromSequence(i + 1) }));
    const { db, table, rows, close } = fileDatabase();
    const session = new ParcoursCatchUp(rows, { maxPersons: 1, threadAfter: 0, summaryWorker: { url: WORKER, data: { filename: db.name, segments: table('segments') } } });
    try {
      db.transaction(() => session.applyBatch(batches[0]!))();
      db.transaction(() => session.applyBatch(batches[1]!))(); // a leaves: its summary at revision 2 is asked for
      db.transaction(() => session.applyBatch(batches[2]!))(); // a changes before the answer is taken
      await session.ready(); // the answer for a at revision 2 (and b's) are back
      db.transaction(() => session.applyBatch(batches[3]!))();
      const inputs = (person: typeof a) => batches.flat().filter((e) => e.streamId === `person-${person!.personId}`).map((e) => ({ ...e, recordedAt: '2012-11-01T00:00:00.000Z' }) as unknown as ParcoursInput);
      const summaries = new Map(loadSummaries(db, table).map((s) => [s.personId, s]));
      expect(summaries.get(a!.personId)).toEqual(summarisePerson(foldParcours(a!.personId, inputs(a))));
    } finally {
      session.close();
      close();
    }
  });
});
