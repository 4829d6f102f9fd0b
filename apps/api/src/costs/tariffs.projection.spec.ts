import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { positionFromSequence, type JsonObject, type RecordedEvent } from '@parcours/event-store';
import { tableNamer } from '../projections/projection-definition.js';
import { loadTariffs, tariffsProjection } from './tariffs.projection.js';

const ID = '018f0000-00c0-7000-8000-0000000000aa';
let sequence = 0;
const recorded = (streamId: string, type: string, data: JsonObject): RecordedEvent => {
  sequence += 1;
  return { eventId: `e${sequence}`, streamId, revision: 0, position: positionFromSequence(sequence), type, data, metadata: {}, recordedAt: new Date() };
};
const set = (data: JsonObject = {}) =>
  recorded(`tariff-${ID}`, 'TariffSet', { episodeKind: 'workshop', setting: 'ACI', basis: 'per_day', amount: '65.54', amountCents: 6554, currency: 'EUR', funder: 'État', validFrom: '2024-11-01', illustrative: false, ...data });

describe('the tariffs projection', () => {
  const table = tableNamer(tariffsProjection.name, tariffsProjection.version);
  const fed = (...batches: RecordedEvent[][]) => {
    const db = new Database(':memory:');
    tariffsProjection.createTables(db, table);
    for (const batch of batches) tariffsProjection.applyBatch(db, table, batch);
    return db;
  };

  it('given a tariff set, changed and withdrawn, then one row with the latest values and the withdrawal day', () => {
    const db = fed([set()], [set({ validTo: '2025-10-31' }), recorded(`tariff-${ID}`, 'TariffWithdrawn', { reason: 'Superseded', at: '2025-06-30' })]);
    expect(loadTariffs(db, table)).toEqual([
      {
        tariffId: ID,
        episodeKind: 'workshop',
        setting: 'ACI',
        organisationId: null,
        basis: 'per_day',
        amountCents: 6554,
        currency: 'EUR',
        funder: 'État',
        validFrom: '2024-11-01',
        validTo: '2025-10-31',
        withdrawnAt: '2025-06-30',
        illustrative: false,
        source: null,
      },
    ]);
    expect(db.prepare(`SELECT versions, withdrawn_reason FROM ${table('tariffs')}`).get()).toEqual({ versions: 2, withdrawn_reason: 'Superseded' });
  });

  it('ignores the events of other streams', () => {
    const db = fed([recorded('person-018f0000-0000-7000-8000-000000000001', 'TariffSet', {}), recorded('programme-x', 'ProgrammeDefined', { name: 'x' })]);
    expect(loadTariffs(db, table)).toEqual([]);
  });
});
