import { describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { draftOf, type ParcoursInput } from '@parcours/domain';
import { tableNamer } from '../projections/projection-definition.js';
import { parcoursRows } from './parcours-tables.js';
import { loadParcoursState, parcoursProjection } from './parcours.projection.js';

const PERSON = '018f0000-0000-7000-8000-0000000000b1';
const OTHER = '018f0000-0000-7000-8000-0000000000b2';
const input = (personId: string, revision: number, type: string, data: Record<string, unknown>): ParcoursInput =>
  ({ eventId: `018f0000-0000-7000-8000-${personId.slice(-4)}0000${String(revision).padStart(4, '0')}`, revision, type, recordedAt: '2026-03-01T10:00:00.000Z', data }) as ParcoursInput;
const registered = (personId: string) => input(personId, 0, 'PersonRegistered', { occurredAt: '2003', provenance: 'interview', pseudonym: 'P' });
const housed = (personId: string, revision: number) => input(personId, revision, 'HousingStatusChanged', { occurredAt: '2004', provenance: 'interview', status: 'housed' });

describe('loadParcoursState', () => {
  it('given the same person at the same revision, gives the state loaded last; a new revision or another person is folded again', () => {
    const table = tableNamer(parcoursProjection.name, parcoursProjection.version);
    const db = new Database(':memory:');
    parcoursProjection.createTables(db, table);
    const rows = parcoursRows(db, table);
    rows.append(PERSON, [registered(PERSON)]);
    rows.append(OTHER, [registered(OTHER), housed(OTHER, 1)]);

    const first = loadParcoursState(db, table, PERSON);
    expect(first).toEqual(draftOf(PERSON, [registered(PERSON)]));
    expect(loadParcoursState(db, table, PERSON)).toBe(first);

    rows.append(PERSON, [housed(PERSON, 1)]);
    const next = loadParcoursState(db, table, PERSON);
    expect(next).toEqual(draftOf(PERSON, [registered(PERSON), housed(PERSON, 1)]));
    expect(loadParcoursState(db, table, OTHER)).toEqual(draftOf(OTHER, [registered(OTHER), housed(OTHER, 1)]));
    expect(loadParcoursState(db, table, PERSON)).toEqual(next);
    expect(loadParcoursState(db, table, '018f0000-0000-7000-8000-0000000000b3')).toBeUndefined();
  });
});
