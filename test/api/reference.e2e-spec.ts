import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { v7 as uuidv7 } from 'uuid';
import { countEvents, startTestApp, type TestApp, type UsualCaller } from '../support/test-app.js';
import { storeKindsUnderTest } from '../support/store-kinds.js';

type Issue = { field: string; rule: string };
const fieldsAndRules = (body: { errors: Issue[] }) => body.errors.map((e) => `${e.field}:${e.rule}`);

describe.each(storeKindsUnderTest())('reference data admin API on the %s store', (kind) => {
  let t: TestApp;
  let http: UsualCaller;
  beforeAll(async () => {
    t = await startTestApp(kind);
    http = t.http;
  });
  afterAll(async () => t?.close());

  /** Runs the request and checks that the store holds exactly as many events as before. */
  const writesNothing = async <T>(attempt: () => Promise<T>): Promise<T> => {
    const before = await countEvents(t.store);
    const result = await attempt();
    expect(await countEvents(t.store)).toBe(before);
    return result;
  };
  const organisation = async (body: Record<string, unknown> = {}) => {
    const res = await http.post('/admin/organisations').send({ name: 'Article 23', type: 'insertion_workshop', country: 'BE', city: 'Liège', ...body }).expect(201);
    return res.body.id as string;
  };
  const programme = async () => (await http.post('/admin/programmes').send({ name: 'Article 23' }).expect(201)).body.id as string;
  const aci = { episodeKind: 'insertion_post', setting: 'ACI', basis: 'per_event', amount: '23921.00', funder: 'État', validFrom: '2024-11-01' };

  describe('organisations', () => {
    it('registers (201, Location, ETag) and reads it back folded from its stream', async () => {
      const res = await http.post('/admin/organisations').send({ name: 'CHU de Liège', type: 'hospital', country: 'be' }).expect(201);
      expect(res.headers['location']).toBe(`/admin/organisations/${res.body.id}`);
      expect(res.headers['etag']).toBe('"0"');
      expect(res.body).toMatchObject({ revision: 0, replayed: false });
      const read = await http.get(res.headers['location']!).expect(200);
      expect(read.headers['etag']).toBe('"0"');
      expect(read.body).toEqual({ id: res.body.id, revision: 0, name: 'CHU de Liège', type: 'hospital', country: 'BE', city: null, formerNames: [], conventions: [] });
    });

    it('answers 400 naming every field and rule, and writes nothing', async () => {
      const res = await writesNothing(() => http.post('/admin/organisations').send({ type: 'bakery', country: 'XX', nickname: 'x' }).expect(400));
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fieldsAndRules(res.body)).toEqual(expect.arrayContaining(['name:isString', 'type:isIn', 'country:isISO31661Alpha2', 'nickname:unknownField']));
    });

    it('is idempotent by eventId: the retry gets the first answer and the same organisation', async () => {
      const body = { eventId: uuidv7(), name: 'Le Forem', type: 'employment_service', country: 'BE' };
      const first = await http.post('/admin/organisations').send(body).expect(201);
      const again = await writesNothing(() => http.post('/admin/organisations').send(body).expect(201));
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual({ ...first.body, replayed: true });
      const reused = await http.post('/admin/organisations').send({ ...body, name: 'Someone else' }).expect(409);
      expect(reused.body.code).toBe('EVENT_ID_CONFLICT');
    });

    it('refuses registering the same id twice with 422', async () => {
      const id = uuidv7();
      await organisation({ id });
      const res = await writesNothing(() => http.post('/admin/organisations').send({ id, name: 'Again', type: 'other', country: 'FR' }).expect(422));
      expect(res.body.code).toBe('ORGANISATION_ALREADY_REGISTERED');
    });

    it('renames with If-Match (200, new ETag), keeps the former name, and answers 412 to a stale ETag', async () => {
      const id = await organisation();
      const renamed = await http.post(`/admin/organisations/${id}/rename`).set('If-Match', '"0"').send({ name: 'Article 23 asbl' }).expect(200);
      expect(renamed.headers['etag']).toBe('"1"');
      const stale = await writesNothing(() => http.post(`/admin/organisations/${id}/rename`).set('If-Match', '"0"').send({ name: 'A23' }).expect(412));
      expect(stale.body).toMatchObject({ code: 'REVISION_MISMATCH', details: { expected: 0, actual: 1 } });
      const bad = await http.post(`/admin/organisations/${id}/rename`).set('If-Match', 'yesterday').send({ name: 'A23' }).expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'If-Match' });
      const same = await writesNothing(() => http.post(`/admin/organisations/${id}/rename`).send({ name: 'Article 23 asbl' }).expect(422));
      expect(same.body.code).toBe('ORGANISATION_NAME_UNCHANGED');
      const read = await http.get(`/admin/organisations/${id}`).expect(200);
      expect(read.body).toMatchObject({ name: 'Article 23 asbl', formerNames: ['Article 23'], revision: 1 });
    });

    it('answers 404 for an organisation that does not exist, 400 for an id that is not one', async () => {
      await http.get(`/admin/organisations/${uuidv7()}`).expect(404);
      const rename = await writesNothing(() => http.post(`/admin/organisations/${uuidv7()}/rename`).set('If-Match', '"0"').send({ name: 'X' }).expect(404));
      expect(rename.body.code).toBe('ORGANISATION_NOT_FOUND');
      const res = await http.get('/admin/organisations/not-an-id').expect(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'id', rule: 'isUUID' });
    });

    it('records a convention with a registered partner, and its end', async () => {
      const [id, partner] = [await organisation(), await organisation({ name: 'SPF Justice', type: 'justice' })];
      const eventId = uuidv7();
      const signed = await http.post(`/admin/organisations/${id}/conventions`).send({ eventId, withOrganisationId: partner, purpose: 'Orientation', since: '2009' }).expect(201);
      expect(signed.body.conventionId).toBe(eventId);
      const retried = await writesNothing(() =>
        http.post(`/admin/organisations/${id}/conventions`).send({ eventId, withOrganisationId: partner, purpose: 'Orientation', since: '2009' }).expect(201),
      );
      expect(retried.body).toEqual({ ...signed.body, replayed: true });
      const conventionId = signed.body.conventionId as string;
      const early = await writesNothing(() => http.post(`/admin/organisations/${id}/conventions/${conventionId}/end`).send({ at: '2008-12' }).expect(422));
      expect(early.body.code).toBe('CONVENTION_END_BEFORE_START');
      await http.post(`/admin/organisations/${id}/conventions/${conventionId}/end`).set('If-Match', '"1"').send({ at: '2012-06' }).expect(200);
      const twice = await writesNothing(() => http.post(`/admin/organisations/${id}/conventions/${conventionId}/end`).send({ at: '2013' }).expect(422));
      expect(twice.body.code).toBe('CONVENTION_ALREADY_ENDED');
      const read = await http.get(`/admin/organisations/${id}`).expect(200);
      expect(read.body.conventions).toEqual([{ conventionId, withOrganisationId: partner, purpose: 'Orientation', since: '2009', until: null, endedAt: '2012-06' }]);
    });

    it('refuses conventions that break a rule (422), name the broken field (400) or do not exist (404)', async () => {
      const id = await organisation();
      const sign = (body: Record<string, unknown>) => http.post(`/admin/organisations/${id}/conventions`).send({ purpose: 'p', since: '2009', ...body });
      expect((await writesNothing(() => sign({ withOrganisationId: id }).expect(422))).body.code).toBe('CONVENTION_WITH_ITSELF');
      expect((await writesNothing(() => sign({ withOrganisationId: uuidv7() }).expect(422))).body.code).toBe('CONVENTION_PARTNER_NOT_FOUND');
      const partner = await organisation({ name: 'Partner' });
      expect((await writesNothing(() => sign({ withOrganisationId: partner, until: '2005' }).expect(422))).body.code).toBe('CONVENTION_UNTIL_BEFORE_SINCE');
      const bad = await writesNothing(() => sign({ withOrganisationId: 'nobody', since: 'early 2009' }).expect(400));
      expect(fieldsAndRules(bad.body)).toEqual(['withOrganisationId:isUuid']);
      const badDate = await writesNothing(() => sign({ withOrganisationId: partner, since: 'early 2009' }).expect(400));
      expect(badDate.body.errors).toEqual([expect.objectContaining({ field: 'since', rule: 'edtf', message: expect.stringMatching(/2009-40/) })]);
      const missing = await writesNothing(() => http.post(`/admin/organisations/${id}/conventions/${uuidv7()}/end`).send({ at: '2012' }).expect(404));
      expect(missing.body.code).toBe('CONVENTION_NOT_FOUND');
    });
  });

  describe('programmes', () => {
    it("defines a programme and Article 23's canvas, read back in order with bounds", async () => {
      const organisationId = await organisation();
      const res = await http.post('/admin/programmes').send({ name: 'Article 23', organisationId }).expect(201);
      const id = res.body.id as string;
      expect(res.headers['location']).toBe(`/admin/programmes/${id}`);
      await http.post(`/admin/programmes/${id}/periods`).send({ label: 'De 2009 à 2012 : projet actuel', from: '2009', to: '2012', order: 3 }).expect(201);
      await http.post(`/admin/programmes/${id}/periods`).send({ label: 'Parcours avant 2000', from: '..', to: '1999', order: 1 }).expect(201);
      const added = await http.post(`/admin/programmes/${id}/periods`).set('If-Match', '"2"').send({ label: 'De 2000 à 2008 : projets Activation', from: '2000', to: '2008', order: 2 });
      expect(added.status).toBe(201);
      expect(added.headers['etag']).toBe('"3"');
      const read = await http.get(`/admin/programmes/${id}`).expect(200);
      expect(read.headers['etag']).toBe('"3"');
      expect(read.body).toMatchObject({ id, name: 'Article 23', organisationId, description: null, revision: 3 });
      expect(read.body.periods.map((p: { label: string }) => p.label)).toEqual(['Parcours avant 2000', 'De 2000 à 2008 : projets Activation', 'De 2009 à 2012 : projet actuel']);
      expect(read.body.periods[0]).toMatchObject({ from: '..', to: '1999', span: { lower: null, upper: '1999-12-31T23:59:59.999Z' } });
      expect(read.body.periods[1].periodId).toBe(added.body.periodId);
    });

    it('refuses overlapping periods and taken labels with 422, bad bounds with 400, a stale ETag with 412', async () => {
      const id = await programme();
      await http.post(`/admin/programmes/${id}/periods`).send({ label: 'Activation', from: '2000', to: '2008', order: 1 }).expect(201);
      const period = (body: Record<string, unknown>) => http.post(`/admin/programmes/${id}/periods`).send({ label: 'Later', from: '2009', to: '2012', order: 2, ...body });
      expect((await writesNothing(() => period({ from: '2008' }).expect(422))).body).toMatchObject({ code: 'CANVAS_PERIODS_OVERLAP' });
      expect((await writesNothing(() => period({ label: ' activation ' }).expect(422))).body.code).toBe('CANVAS_PERIOD_LABEL_TAKEN');
      expect((await writesNothing(() => period({ from: '2012', to: '2009' }).expect(422))).body.code).toBe('CANVAS_PERIOD_ENDS_BEFORE_START');
      const bad = await writesNothing(() => period({ from: 'the nineties', to: '2009/2012', order: 'two' }).expect(400));
      expect(fieldsAndRules(bad.body)).toContain('order:isInt');
      const badBounds = await writesNothing(() => period({ from: 'the nineties', to: '2009/2012' }).expect(400));
      expect(fieldsAndRules(badBounds.body).sort()).toEqual(['from:edtfOrOpen', 'to:edtfOrOpen']);
      await writesNothing(() => period({}).set('If-Match', '"0"').expect(412));
    });

    it('refuses a programme run by an unknown organisation (422), and answers 404 for an unknown programme', async () => {
      const res = await writesNothing(() => http.post('/admin/programmes').send({ name: 'Ghost', organisationId: uuidv7() }).expect(422));
      expect(res.body.code).toBe('PROGRAMME_ORGANISATION_NOT_FOUND');
      await http.get(`/admin/programmes/${uuidv7()}`).expect(404);
      const period = await writesNothing(() => http.post(`/admin/programmes/${uuidv7()}/periods`).send({ label: 'x', from: '..', to: '..', order: 0 }).expect(404));
      expect(period.body.code).toBe('PROGRAMME_NOT_FOUND');
    });

    it('removes a period (200), then answers 404 for it; a bad period id is a 400', async () => {
      const id = await programme();
      const added = await http.post(`/admin/programmes/${id}/periods`).send({ label: 'Avant', from: '..', to: '1999', order: 0 }).expect(201);
      const removed = await http.delete(`/admin/programmes/${id}/periods/${added.body.periodId}`).set('If-Match', '"1"').expect(200);
      expect(removed.headers['etag']).toBe('"2"');
      expect((await http.get(`/admin/programmes/${id}`).expect(200)).body.periods).toEqual([]);
      const again = await writesNothing(() => http.delete(`/admin/programmes/${id}/periods/${added.body.periodId}`).expect(404));
      expect(again.body.code).toBe('CANVAS_PERIOD_NOT_FOUND');
      const bad = await http.delete(`/admin/programmes/${id}/periods/nope`).expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'periodId', rule: 'isUUID' });
    });
  });

  describe('tariffs', () => {
    it('sets a tariff with a decimal amount and its cents, EUR and illustrative by default', async () => {
      const res = await http.post('/admin/tariffs').send({ ...aci, amount: '12.5' }).expect(201);
      expect(res.headers['location']).toBe(`/admin/tariffs/${res.body.id}`);
      const read = await http.get(`/admin/tariffs/${res.body.id}`).expect(200);
      expect(read.body).toMatchObject({ amount: '12.5', amountCents: 1250, currency: 'EUR', illustrative: true, status: 'active', versions: 1, withdrawn: null });
    });

    it('records a real public figure, idempotently by id and eventId', async () => {
      const body = { ...aci, id: uuidv7(), eventId: uuidv7(), illustrative: false, source: 'Aide au poste, montant au 1er novembre 2024' };
      const first = await http.post('/admin/tariffs').send(body).expect(201);
      const again = await writesNothing(() => http.post('/admin/tariffs').send(body).expect(201));
      expect(again.body).toEqual({ ...first.body, replayed: true });
      const read = await http.get(`/admin/tariffs/${body.id}`).expect(200);
      expect(read.body).toMatchObject({ id: body.id, amount: '23921.00', amountCents: 2392100, illustrative: false, revision: 0 });
    });

    it('answers 400 naming every field and rule: floats, currencies, dates', async () => {
      const res = await writesNothing(() =>
        http.post('/admin/tariffs').send({ ...aci, amount: 12.345, currency: 'EURO', basis: 'per_month', validFrom: '1 Nov 2024', illustrative: 'yes' }).expect(400),
      );
      expect(fieldsAndRules(res.body)).toEqual(
        expect.arrayContaining(['amount:isString', 'currency:isISO4217CurrencyCode', 'basis:isIn', 'validFrom:matches', 'illustrative:isBoolean']),
      );
      const badDay = await writesNothing(() => http.post('/admin/tariffs').send({ ...aci, amount: '1.234', validTo: '2025-02-30' }).expect(400));
      expect(fieldsAndRules(badDay.body)).toEqual(['amount:matches']);
      const notADay = await writesNothing(() => http.post('/admin/tariffs').send({ ...aci, validTo: '2025-02-30' }).expect(400));
      expect(fieldsAndRules(notADay.body)).toEqual(['validTo:invalid_format']);
    });

    it('refuses validTo before validFrom and an unknown organisation with 422', async () => {
      const res = await writesNothing(() => http.post('/admin/tariffs').send({ ...aci, validTo: '2024-10-31' }).expect(422));
      expect(res.body.code).toBe('TARIFF_VALID_TO_BEFORE_VALID_FROM');
      const org = await writesNothing(() => http.post('/admin/tariffs').send({ ...aci, organisationId: uuidv7() }).expect(422));
      expect(org.body.code).toBe('TARIFF_ORGANISATION_NOT_FOUND');
    });

    it('changes (PUT), withdraws, and then refuses any change with 422', async () => {
      const id = (await http.post('/admin/tariffs').send(aci).expect(201)).body.id as string;
      const changed = await http.put(`/admin/tariffs/${id}`).set('If-Match', '"0"').send({ ...aci, validTo: '2025-10-31' }).expect(200);
      expect(changed.headers['etag']).toBe('"1"');
      await writesNothing(() => http.post(`/admin/tariffs/${id}/withdraw`).set('If-Match', '"0"').send({ reason: 'Superseded' }).expect(412));
      await http.post(`/admin/tariffs/${id}/withdraw`).set('If-Match', '"1"').send({ reason: 'Superseded', at: '2025-06-30' }).expect(200);
      const read = await http.get(`/admin/tariffs/${id}`).expect(200);
      expect(read.body).toMatchObject({ status: 'withdrawn', versions: 2, validTo: '2025-10-31', withdrawn: { reason: 'Superseded', at: '2025-06-30' } });
      expect((await writesNothing(() => http.post(`/admin/tariffs/${id}/withdraw`).send({ reason: 'Again' }).expect(422))).body.code).toBe('TARIFF_WITHDRAWN');
      expect((await writesNothing(() => http.put(`/admin/tariffs/${id}`).send(aci).expect(422))).body.code).toBe('TARIFF_WITHDRAWN');
    });

    it('answers 404 for a tariff that does not exist', async () => {
      await http.get(`/admin/tariffs/${uuidv7()}`).expect(404);
      const res = await writesNothing(() => http.post(`/admin/tariffs/${uuidv7()}/withdraw`).send({ reason: 'x' }).expect(404));
      expect(res.body.code).toBe('TARIFF_NOT_FOUND');
    });
  });

  it('documents the admin routes in OpenAPI', async () => {
    const doc = await http.get('/docs/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/admin/organisations',
        '/admin/organisations/{id}',
        '/admin/organisations/{id}/conventions/{conventionId}/end',
        '/admin/programmes/{id}/periods/{periodId}',
        '/admin/tariffs/{id}/withdraw',
      ]),
    );
  });
});
