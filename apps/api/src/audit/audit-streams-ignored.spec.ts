import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { positionFromSequence, type JsonObject, type RecordedEvent } from '@parcours/event-store';
import { loadTariffs, tariffsProjection } from '../costs/tariffs.projection.js';
import { loadParcoursState, parcoursProjection } from '../parcours/parcours.projection.js';
import { tableNamer } from '../projections/projection-definition.js';
import { auditStream } from './audit-entry.js';

const PERSON = '018f0000-0000-7000-8000-00000000c415';
let sequence = 0;
const recorded = (streamId: string, type: string, data: JsonObject): RecordedEvent => {
  sequence += 1;
  return { eventId: `e${sequence}`, streamId, revision: 0, position: positionFromSequence(sequence), type, data, metadata: {}, recordedAt: new Date('2026-03-01T10:00:00Z') };
};
const registered: JsonObject = { occurredAt: '2003', provenance: 'interview', pseudonym: 'Chris', gender: 'male' };
/** What the audit trail writes: a person id among the data, in a stream named by a day. */
const read = recorded(auditStream('2026-03-01'), 'PersonDataRead', { action: 'person.parcours.read', personId: PERSON, sub: 'u', role: 'caseworker', status: 200 });

describe('audit streams are not person (or tariff) events to the projections', () => {
  it('the parcours projection folds a person stream, and ignores the same event in an audit stream', () => {
    const table = tableNamer(parcoursProjection.name, parcoursProjection.version);
    const db = new Database(':memory:');
    parcoursProjection.createTables(db, table);
    parcoursProjection.applyBatch(db, table, [read, recorded(auditStream('2026-03-01'), 'PersonRegistered', registered)]);
    expect(loadParcoursState(db, table, PERSON)).toBeUndefined();
    // The control: the very same event in the person's stream is folded.
    parcoursProjection.applyBatch(db, table, [recorded(`person-${PERSON}`, 'PersonRegistered', registered)]);
    expect(loadParcoursState(db, table, PERSON)).toBeDefined();
  });

  it('the tariffs projection ignores audit streams', () => {
    const table = tableNamer(tariffsProjection.name, tariffsProjection.version);
    const db = new Database(':memory:');
    tariffsProjection.createTables(db, table);
    tariffsProjection.applyBatch(db, table, [read, recorded(auditStream('2026-03-01'), 'TariffSet', { episodeKind: 'workshop', basis: 'per_day', amountCents: 1, currency: 'EUR', funder: 'x', validFrom: '2024-01-01', illustrative: false })]);
    expect(loadTariffs(db, table)).toEqual([]);
  });
});
