import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { parseCsv } from '../../libs/domain/src/exports/index.js';
import { exportKeyFrom } from '../../apps/api/src/exports/export-key.js';
import { projectPseudonymiser } from '../../apps/api/src/exports/pseudonymiser.js';
import { startTestApp, type TestApp, type UsualCaller } from '../support/test-app.js';

const KEY = Buffer.alloc(32, 7).toString('base64');
const PERSONS = 14;
/** Persons 0-11 agree to research use; 12 and 13 do not. */
const consents = (i: number) => i < 12;

/**
 * A small cohort built through the API: 14 persons first seen in January 2010, all in an
 * insertion workshop from February 2010; the even-numbered ones hired in June 2010. Observed to
 * June 2011: months m0 (January 2010) to m17 (June 2011).
 */
describe('research exports and transitions (GET /cohorts/:id/transitions, /cohorts/:id/exports)', () => {
  let t: TestApp;
  let http: UsualCaller;
  const personIds: string[] = [];
  const cohortId = uuidv7();
  let minPosition = '';

  const get = (path: string, query: Record<string, string> = {}) => http.get(path).query({ minPosition, ...query });
  const csv = async (kind: string, query: Record<string, string>) => {
    const res = await get(`/cohorts/${cohortId}/exports/${kind}.csv`, query).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    return { text: res.text, rows: parseCsv(res.text) };
  };

  beforeAll(async () => {
    t = await startTestApp('sqlite', { PARCOURS_EXPORT_KEY: KEY });
    http = t.http;
    for (let i = 0; i < PERSONS; i++) {
      const registered = await http.post('/persons').send({ pseudonym: `P${i}`, birthYear: 1978 + i, gender: i % 2 ? 'female' : 'male', occurredAt: '2010-01-10', provenance: 'service_record' }).expect(201);
      const id = registered.body.id as string;
      personIds.push(id);
      const event = (type: string, occurredAt: string, data: Record<string, unknown>) => ({ type, occurredAt, provenance: 'service_record', data });
      const events = [
        event('HousingStatusChanged', '2010-01-10', { status: 'street' }),
        event('WorkshopEntered', '2010-02', { episodeId: uuidv7(), workshop: 'Infographie, "web"' }),
        ...(consents(i) ? [event('ConsentRecorded', '2010-01-10', { scope: 'research' })] : []),
        ...(i % 2 === 0 ? [event('Hired', '2010-06-15', { episodeId: uuidv7(), employer: { name: 'Public social-aid service' } })] : []),
      ];
      minPosition = (await http.post(`/persons/${id}/events/batch`).send({ events }).expect(201)).body.position;
    }
    const cohort = { id: cohortId, name: 'Insertion, first seen in 2010', entryRule: 'first_contact', entryFrom: '2010', entryTo: '2010', cutoff: '2011-06' };
    await http.post('/admin/cohorts').send(cohort).expect(201);
  });
  afterAll(async () => {
    await t?.close();
  });

  const pseudonym = (project: string, i: number) => projectPseudonymiser(exportKeyFrom({ PARCOURS_EXPORT_KEY: KEY }), project)(personIds[i]!);

  it('serves the wide sequences of consenting members, one column per month, and they read back as computed by hand', async () => {
    const { text, rows } = await csv('sequences', { project: 'alpha', field: 'employment' });
    expect(text.endsWith('\n')).toBe(true);
    expect(rows[0]).toEqual(['id', ...Array.from({ length: 18 }, (_, k) => `m${k}`)]);
    expect(rows).toHaveLength(1 + 12);
    const byId = new Map(rows.slice(1).map(([id, ...states]) => [id, states]));
    // Even: January nothing, workshop February-May, hired from June 2010 (a job outranks the workshop).
    expect(byId.get(pseudonym('alpha', 0))).toEqual(['U', 'W', 'W', 'W', 'W', ...Array.from({ length: 13 }, () => 'J')]);
    expect(byId.get(pseudonym('alpha', 1))).toEqual(['U', ...Array.from({ length: 17 }, () => 'W')]);
  });

  it('never writes an internal id, leaves out members without research consent, and keys pseudonyms per project', async () => {
    const files = await Promise.all(
      [
        ['spells', {}],
        ['sequences', { field: 'social' }],
        ['events', {}],
        ['persons', {}],
        ['survival', {}],
      ].map(([kind, query]) => csv(kind as string, { project: 'alpha', ...(query as Record<string, string>) })),
    );
    const all = files.map((f) => f.text).join('\n');
    for (const id of personIds) expect(all).not.toContain(id);
    for (const i of [12, 13]) expect(all).not.toContain(pseudonym('alpha', i));
    const alphaIds = new Set((await csv('persons', { project: 'alpha' })).rows.slice(1).map((r) => r[0]));
    const again = new Set((await csv('persons', { project: 'alpha' })).rows.slice(1).map((r) => r[0]));
    const beta = new Set((await csv('persons', { project: 'beta' })).rows.slice(1).map((r) => r[0]));
    expect(alphaIds).toEqual(again);
    expect(alphaIds.size).toBe(12);
    expect([...beta].filter((id) => alphaIds.has(id))).toEqual([]);
    for (const id of alphaIds) expect(id).toMatch(/^p[a-z2-7]{20}$/);
  });

  it('serves spells, events, persons, alphabet and survival files that parse back', async () => {
    const spells = (await csv('spells', { project: 'alpha', field: 'employment' })).rows;
    expect(spells[0]).toEqual(['id', 'field', 'begin', 'end', 'status', 'begin_lower', 'begin_upper', 'end_lower', 'end_upper']);
    expect(spells.filter((r) => r[0] === pseudonym('alpha', 0)).map((r) => r.slice(2, 5))).toEqual([
      ['1', '1', 'U'],
      ['2', '5', 'W'],
      ['6', '18', 'J'],
    ]);
    const events = (await csv('events', { project: 'alpha', field: 'employment' })).rows;
    expect(events[0]).toEqual(['id', 'time', 'event', 'field', 'time_lower', 'time_upper']);
    const mine = events.filter((r) => r[0] === pseudonym('alpha', 0));
    expect(mine.map((r) => r[2])).toEqual(['workshop_start', 'job_start']);
    expect(Math.floor(Number(mine[1]![1]))).toBe(5);
    const ids = events.slice(1).map((r) => r[0]!);
    expect(ids).toEqual([...ids].sort()); // grouped by id, as seqecreate needs
    const persons = (await csv('persons', { project: 'alpha' })).rows;
    const p0 = persons.find((r) => r[0] === pseudonym('alpha', 0))!;
    expect(p0).toEqual([pseudonym('alpha', 0), '2010-01', '2010-01', '0', '18', 'male', '1975-1979', 'street', 'NA', 'FALSE']);
    const alphabet = await csv('alphabet', { project: 'alpha' });
    expect(alphabet.text).toContain('social,P,"precarious housing (street, squat, emergency shelter)",#D55E00\n');
    const survival = (await csv('survival', { project: 'alpha' })).rows;
    expect(survival[0]).toEqual(['id', 'time', 'event', 'censor_reason']);
    expect(survival.find((r) => r[0] === pseudonym('alpha', 0))).toEqual([pseudonym('alpha', 0), '156', '1', 'NA']);
    expect(survival.find((r) => r[0] === pseudonym('alpha', 1))!.slice(2)).toEqual(['0', 'cutoff']);
  });

  it('serves the metadata of each file: columns, alphabet, precedence, pseudonymisation, consent (left out hidden under 11)', async () => {
    const res = await get(`/cohorts/${cohortId}/exports/sequences.json`, { project: 'alpha', field: 'employment' }).expect(200);
    expect(res.body).toMatchObject({
      kind: 'sequences',
      file: 'sequences-employment.csv',
      cohort: { id: cohortId, name: 'Insertion, first seen in 2010' },
      origin: { rule: 'entry' },
      cutoff: '2011-06-30T23:59:59.999Z',
      months: 18,
      pseudonymisation: { project: 'alpha', stable: true },
      consent: { exported: 12, leftOut: { suppressed: true } },
      software: { name: 'parcours' },
    });
    expect(res.body.columns).toHaveLength(19);
    expect(res.body.alphabet.employment.map((s: { code: string }) => s.code)).toEqual(['J', 'M', 'I', 'W', 'K', 'U']);
    expect(res.body.precedence.employment).toMatch(/^J \(job\) > M/);
  });

  it('serves transition rates and monthly distributions for evaluators, with no count of 1-10', async () => {
    const res = await get(`/cohorts/${cohortId}/transitions`, { field: 'employment' }).expect(200);
    expect(res.headers['x-parcours-position']).toBeTruthy();
    expect(res.body).toMatchObject({ field: 'employment', members: 14, transitions: { states: ['J', 'M', 'I', 'W', 'K', 'U'] } });
    const { counts, fromTotals, toTotals, rates } = res.body.transitions;
    // By hand: W→J is 7 (the 7 hired, in June 2010): hidden, and enough others with it that no
    // total gives it back. What stays: months in W followed by a month known (7 × 3 + 7 × 16 + 7 = 140),
    // all transitions (238). Months followed by J (7 + 7 × 12 = 91) are hidden although 91 is no
    // small count: only the 7 hired people stand behind them.
    expect(counts[3][0]).toEqual({ suppressed: true });
    expect(fromTotals[3]).toBe(140);
    expect(toTotals[0]).toEqual({ suppressed: true });
    expect(res.body.transitions.total).toBe(238);
    expect(rates[3][0]).toEqual({ suppressed: true });
    expect(rates[1]).toEqual([null, null, null, null, null, null]);
    expect(res.body.distribution).toHaveLength(18);
    expect(res.body.distribution[0]).toMatchObject({ month: 0, followed: 14, counts: { U: 14 }, shares: { U: 1 } });
    const numbers = JSON.stringify([res.body.transitions.counts, res.body.transitions.fromTotals, res.body.distribution.map((d: { counts: unknown }) => d.counts)]).match(/\d+/g) ?? [];
    expect(numbers.map(Number).filter((n) => n >= 1 && n <= 10)).toEqual([]);
  });

  it('answers 400 naming kind, field or project, and 404 for an unknown cohort', async () => {
    const name = async (path: string, query: Record<string, string>) => (await get(path, query).expect(400)).body.errors.map((e: { field: string }) => e.field);
    expect(await name(`/cohorts/${cohortId}/exports/persons.csv`, {})).toEqual(['project']);
    expect(await name(`/cohorts/${cohortId}/exports/diaries.csv`, { project: 'alpha' })).toEqual(['kind']);
    expect(await name(`/cohorts/${cohortId}/exports/sequences.csv`, { project: 'alpha' })).toEqual(['field']);
    expect(await name(`/cohorts/${cohortId}/exports/spells.csv`, { project: 'alpha', field: 'leisure' })).toEqual(['field']);
    expect(await name(`/cohorts/${cohortId}/exports/survival.json`, { project: 'alpha', field: 'care' })).toEqual(['field']);
    expect(await name(`/cohorts/${cohortId}/exports/persons.csv`, { project: '../etc' })).toEqual(['project']);
    expect(await name(`/cohorts/${cohortId}/transitions`, { field: 'leisure' })).toEqual(['field']);
    await get(`/cohorts/${uuidv7()}/exports/persons.csv`, { project: 'alpha' }).expect(404);
    await get(`/cohorts/${uuidv7()}/transitions`, { field: 'care' }).expect(404);
  });
});
