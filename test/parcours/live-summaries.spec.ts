import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { foldParcours, summarisePerson, type ParcoursInput } from '@parcours/domain';
import { positionFromSequence, type JsonObject, type RecordedEvent } from '@parcours/event-store';
import { LiveSummaries } from '../../apps/api/src/parcours/live-summaries.js';
import { summaryText } from '../../apps/api/src/parcours/parcours-inputs.js';
import { loadSummaries, parcoursProjection } from '../../apps/api/src/parcours/parcours.projection.js';
import { preparedFor } from '../../apps/api/src/projections/prepared-statements.js';
import { tableNamer } from '../../apps/api/src/projections/projection-definition.js';
import { tempDir } from '../projections/support/harness.js';
import { historyArbitrary, schemaVersionOf } from './history-arbitrary.js';

/** The worker as the application runs it: compiled, from dist/ (built once before the tests). */
const WORKER = new URL('../../dist/apps/api/src/parcours/summary-worker.js', import.meta.url);
const RECORDED_AT = '2012-11-01T00:00:00.000Z';

/** Persons' streams interleaved one event at a time, as live appends arrive. */
function interleavedLog(n: number): { log: RecordedEvent[]; personIds: string[] } {
  const streams = fc.sample(historyArbitrary(9), { numRuns: n, seed: 7 }).map(({ events }, p) => {
    const personId = `018f0009-0000-7000-8000-${String(p).padStart(12, '0')}`;
    return events.map((e, revision) => ({ eventId: e.eventId, streamId: `person-${personId}`, revision, position: '', type: e.type, data: e.data as JsonObject, metadata: { schemaVersion: schemaVersionOf(e.type) }, recordedAt: new Date(RECORDED_AT) }) as RecordedEvent);
  });
  const log: RecordedEvent[] = [];
  for (let i = 0; streams.some((s) => i < s.length); i++) for (const s of streams) if (i < s.length) log.push(s[i]!);
  log.forEach((e, i) => Object.assign(e, { position: positionFromSequence(i + 1) }));
  return { log, personIds: streams.map((s) => s[0]!.streamId.slice('person-'.length)) };
}

const inputsOf = (personId: string, events: readonly RecordedEvent[]) =>
  events.filter((e) => e.streamId === `person-${personId}`).map((e) => ({ eventId: e.eventId, type: e.type, data: e.data, revision: e.revision, recordedAt: RECORDED_AT }) as unknown as ParcoursInput);

describe('live parcours summaries on a thread of their own', () => {
  it('given live batches, then readers always see the summaries of the checkpoint, and once the thread has answered every one is stored and none is stale', async () => {
    const { log, personIds } = interleavedLog(30);
    const tmp = tempDir('parcours-live-summaries-');
    const db = new Database(tmp.dbPath);
    db.pragma('journal_mode = WAL');
    const table = tableNamer('parcours', parcoursProjection.version);
    parcoursProjection.createTables(db, table);
    // The projection's live summaries for these tables, with the compiled worker (the test runner has none of its own).
    const summaries = preparedFor(db, `${table('segments')}#live-summaries`, () => new LiveSummaries(db, table, WORKER));
    try {
      for (let at = 0; at < log.length; at += 3) {
        db.transaction(() => parcoursProjection.applyBatch(db, table, log.slice(at, at + 3)))();
        if ((at / 3) % 7 === 0) {
          const seen = log.slice(0, at + 3);
          for (const summary of loadSummaries(db, table)) expect(summary).toEqual(summarisePerson(foldParcours(summary.personId, inputsOf(summary.personId, seen))));
        }
        // Answers come back between batches now and then, sometimes after their person changed again.
        if ((at / 3) % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 2));
      }
      expect(summaries.pending).toBeGreaterThan(0); // made on the thread, not in the batches
      const deadline = Date.now() + 20_000;
      while (summaries.pending > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(summaries.pending).toBe(0);
      const stored = new Map(db.prepare<[], [string, string]>(`SELECT person_id, summary FROM ${table('summaries')}`).raw().all());
      for (const personId of personIds) expect(stored.get(personId)).toBe(summaryText(foldParcours(personId, inputsOf(personId, log))));
      expect(db.prepare(`SELECT count(*) FROM ${table('stale')}`).pluck().get()).toBe(0);
    } finally {
      summaries.close();
      db.close();
      tmp.remove();
    }
  });
});
