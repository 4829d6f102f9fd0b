import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { foldParcours, renderParcours } from '@parcours/domain';
import type { RecordedEvent } from '@parcours/event-store';
import { loadParcoursState, parcoursProjection } from '../../apps/api/src/parcours/parcours.projection.js';
import { toParcoursInput } from '../../apps/api/src/parcours/person-history.js';
import { tableNamer } from '../../apps/api/src/projections/projection-definition.js';
import { globalLog } from './global-log.js';
import { historyArbitrary } from './history-arbitrary.js';

const now = new Date('2013-01-01T00:00:00Z');

/** Applies the batches in turn; those numbered in `rolledBack` first go through a transaction that fails after them. */
function project(batches: RecordedEvent[][], rolledBack: readonly number[] = []): Database.Database {
  const db = new Database(':memory:');
  const table = tableNamer('parcours', parcoursProjection.version);
  parcoursProjection.createTables(db, table);
  batches.forEach((batch, i) => {
    if (rolledBack.includes(i)) {
      const failing = db.transaction(() => {
        parcoursProjection.applyBatch(db, table, batch);
        throw new Error('the checkpoint could not be written');
      });
      expect(failing).toThrow('checkpoint');
    }
    db.transaction(() => parcoursProjection.applyBatch(db, table, batch))();
  });
  return db;
}

const summaries = (db: Database.Database) => db.prepare(`SELECT * FROM ${tableNamer('parcours', parcoursProjection.version)('summaries')} ORDER BY person_id`).all();

describe('parcours projection: incremental = rebuild = pure fold (property)', () => {
  it('holds for random valid histories with retroactive inserts, corrections, retractions, any batching, redelivery and rolled-back batches', () => {
    const seen = { EventCorrected: 0, EventRetracted: 0, ended: 0, retroactive: 0 };
    fc.assert(
      fc.property(
        fc.tuple(historyArbitrary(1), historyArbitrary(2), historyArbitrary(3)),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.array(fc.nat({ max: 30 }), { maxLength: 3 }),
        (histories, picks, sizes, redelivered, rolledBack) => {
          const log = globalLog(histories, picks);
          for (const e of log) {
            if (e.type === 'EventCorrected' || e.type === 'EventRetracted') seen[e.type] += 1;
            if (/Ended|Discharged|Contained/.test(e.type)) seen.ended += 1;
          }
          for (const h of histories) {
            const dates = h.events.map((e) => String((e.data as { occurredAt: string }).occurredAt));
            if (dates.some((d, i) => i > 0 && d < dates[i - 1]!)) seen.retroactive += 1;
          }
          // Incremental: random batch sizes, and some batches delivered again (at-least-once).
          const batches: RecordedEvent[][] = [];
          for (let at = 0, s = 0; at < log.length; s++) {
            const size = sizes[s % sizes.length]!;
            batches.push(log.slice(at, at + size));
            if (redelivered.includes(s)) batches.push(log.slice(Math.max(0, at - 2), at + size));
            at += size;
          }
          // Some batches fail once before they commit: what was kept in memory for them must not count.
          const incremental = project(batches, rolledBack);
          const rebuilt = project([log]);
          expect(summaries(incremental)).toEqual(summaries(rebuilt));
          const table = tableNamer('parcours', parcoursProjection.version);
          for (const { personId } of histories) {
            const pure = foldParcours(personId, log.filter((e) => e.streamId === `person-${personId}`).map(toParcoursInput));
            const a = loadParcoursState(incremental, table, personId);
            const b = loadParcoursState(rebuilt, table, personId);
            expect(a).toEqual(pure);
            expect(b).toEqual(pure);
            expect(renderParcours(a!, { now })).toEqual(renderParcours(pure, { now }));
          }
          incremental.close();
          rebuilt.close();
        },
      ),
      { numRuns: 150 },
    );
    // The generated histories really exercise what the property is about.
    expect(seen.EventCorrected).toBeGreaterThan(10);
    expect(seen.EventRetracted).toBeGreaterThan(10);
    expect(seen.ended).toBeGreaterThan(10);
    expect(seen.retroactive).toBeGreaterThan(10);
  });
});
