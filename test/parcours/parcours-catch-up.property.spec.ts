import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { foldParcours, summarisePerson, type IdentifiedPersonEvent } from '@parcours/domain';
import type { RecordedEvent } from '@parcours/event-store';
import { ParcoursCatchUp } from '../../apps/api/src/parcours/parcours-catch-up.js';
import { loadParcoursState, loadSummaries, parcoursProjection } from '../../apps/api/src/parcours/parcours.projection.js';
import { parcoursRows } from '../../apps/api/src/parcours/parcours-tables.js';
import { toParcoursInput } from '../../apps/api/src/parcours/person-history.js';
import { tableNamer } from '../../apps/api/src/projections/projection-definition.js';
import { globalLog } from './global-log.js';
import { historyArbitrary } from './history-arbitrary.js';

const table = tableNamer('parcours', parcoursProjection.version);
const erasure = (personId: string): IdentifiedPersonEvent =>
  ({ eventId: `${personId.slice(0, 24)}99999999ffff`, type: 'PersonErased', data: { occurredAt: '2013', provenance: 'service_record', reason: 'request' } }) as unknown as IdentifiedPersonEvent;

const expectConsistent = (db: Database.Database, log: readonly RecordedEvent[], personIds: readonly string[]) => {
  const summaries = new Map(loadSummaries(db, table).map((s) => [s.personId, s]));
  for (const personId of personIds) {
    const events = log.filter((e) => e.streamId === `person-${personId}`);
    if (!events.length) continue;
    const pure = foldParcours(personId, events.map(toParcoursInput));
    expect(loadParcoursState(db, table, personId)).toEqual(pure);
    expect(summaries.get(personId)).toEqual(summarisePerson(pure));
  }
};

describe('parcours projection catch-up: memory between batches, summaries deferred (property)', () => {
  it('ends equal to the pure fold and its summaries, through evictions, crashes and redeliveries; readers never see a stale summary', () => {
    let evictions = 0;
    let crashes = 0;
    let erasedText = 0;
    fc.assert(
      fc.property(
        fc.tuple(historyArbitrary(1), historyArbitrary(2), historyArbitrary(3)),
        fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 3 }),
        fc.boolean(),
        (histories, picks, sizes, maxPersons, crashAt, erase) => {
          if (erase) histories[0]!.events.push(erasure(histories[0]!.personId));
          const log = globalLog(histories, picks);
          const personIds = histories.map((h) => h.personId);
          const db = new Database(':memory:');
          db.transaction(() => parcoursProjection.createTables(db, table))();
          let session = new ParcoursCatchUp(parcoursRows(db, table), { maxPersons });
          for (let at = 0, s = 0; at < log.length; s++) {
            const batch = log.slice(Math.max(0, at - 1), at + sizes[s % sizes.length]!); // one event delivered again
            if (crashAt.includes(s)) {
              // A failure after the session applied the batch: the transaction rolls back, the session is dropped.
              expect(() =>
                db.transaction(() => {
                  session.applyBatch(batch);
                  throw new Error('crash');
                })(),
              ).toThrow('crash');
              session = new ParcoursCatchUp(parcoursRows(db, table), { maxPersons });
              crashes += 1;
              crashAt = crashAt.filter((c) => c !== s);
              s -= 1;
              continue;
            }
            db.transaction(() => session.applyBatch(batch))();
            at += sizes[s % sizes.length]!;
            expectConsistent(db, log.slice(0, Math.min(at, log.length)), personIds);
          }
          evictions += db.prepare(`SELECT count(*) AS n FROM ${table('summaries')}`).pluck().get() as number;
          while (!db.transaction(() => session.finishStep())());
          expect(db.prepare(`SELECT count(*) AS n FROM ${table('stale')}`).pluck().get()).toBe(0);
          expectConsistent(db, log, personIds);
          if (erase) {
            // The erased person's free text is gone from the stored rows, not only from the fold.
            const stored = db.prepare(`SELECT inputs FROM ${table('segments')} WHERE person_id = ?`).pluck().all(personIds[0]).join('\n');
            if (histories[0]!.events.some((e) => e.type === 'NarrativeRecorded')) erasedText += 1;
            expect(stored).not.toMatch(/"text":/);
          }
          db.close();
        },
      ),
      { numRuns: 100 },
    );
    expect(evictions).toBeGreaterThan(20); // memory was bounded: persons left it before the end
    expect(crashes).toBeGreaterThan(20);
    expect(erasedText).toBeGreaterThan(5);
  });
});
