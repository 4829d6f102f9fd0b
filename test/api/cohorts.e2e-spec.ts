import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { loadDemoData } from '../../apps/api/src/demo/load-demo-data.js';
import { ARTICLE_23_ID } from '../support/chris-parcours.js';
import { countEvents, startTestApp, type TestApp, type UsualCaller } from '../support/test-app.js';

describe('cohort definitions (admin)', () => {
  let t: TestApp;
  let http: UsualCaller;
  beforeAll(async () => {
    t = await startTestApp();
    http = t.http;
    await loadDemoData(t.app);
  });
  afterAll(async () => t?.close());

  it('defines a cohort by rules, reads it back, refuses to redefine it, retires it', async () => {
    const body = { id: uuidv7(), name: 'Article 23, 2009-2012', entryRule: 'programme_entry', programmeId: ARTICLE_23_ID, entryFrom: '2009', entryTo: '2012' };
    const created = await http.post('/admin/cohorts').send(body).expect(201);
    expect(created.headers['location']).toBe(`/admin/cohorts/${body.id}`);
    const read = await http.get(`/admin/cohorts/${body.id}`).expect(200);
    expect(read.body).toMatchObject({ id: body.id, retired: false, definition: { entryRule: 'programme_entry', entryFrom: '2009' } });
    const again = await http.post('/admin/cohorts').send({ ...body, name: 'changed' }).expect(422);
    expect(again.body.code).toBe('COHORT_ALREADY_DEFINED');
    await http.post(`/admin/cohorts/${body.id}/retire`).send({ reason: 'superseded' }).expect(200);
    expect((await http.get(`/admin/cohorts/${body.id}`).expect(200)).body.retired).toBe(true);
  });

  it('answers 400 naming fields, 422 for unknown reference data, 404 for unknown cohorts; writes nothing on error', async () => {
    const before = await countEvents(t.store);
    const bad = await http.post('/admin/cohorts').send({ name: '', entryRule: 'whenever', genders: ['robot'], entryFrom: 'early 2009' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['name', 'entryRule', 'genders']));
    const noProgramme = await http.post('/admin/cohorts').send({ name: 'x', entryRule: 'programme_entry' }).expect(400);
    expect(noProgramme.body.errors[0]).toMatchObject({ field: 'programmeId', rule: 'required' });
    const badDate = await http.post('/admin/cohorts').send({ name: 'x', entryRule: 'first_contact', entryFrom: 'early 2009' }).expect(400);
    expect(badDate.body.errors[0]).toMatchObject({ field: 'entryFrom' });
    const unknown = await http.post('/admin/cohorts').send({ name: 'x', entryRule: 'programme_entry', programmeId: uuidv7() }).expect(422);
    expect(unknown.body.code).toBe('COHORT_PROGRAMME_NOT_FOUND');
    await http.get(`/admin/cohorts/${uuidv7()}`).expect(404);
    expect(await countEvents(t.store)).toBe(before);
  });
});
