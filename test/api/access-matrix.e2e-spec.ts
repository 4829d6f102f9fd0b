import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../apps/api/src/auth/principal.js';
import { loadDemoData } from '../../apps/api/src/demo/load-demo-data.js';
import { bearer, JOB_ORG } from '../support/auth.js';
import { ARTICLE_23_ID } from '../support/chris-parcours.js';
import { CHRIS_ID } from '../support/chris.js';
import { declaredRoutes } from '../support/route-inventory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Broken object-level authorisation, tested first (issue #7): every route × every role, and
 * cross-organisation access by guessing ids. A route added without an entry here fails the
 * first test: nobody ships a route whose access nobody has thought about.
 */
type Caller = Role | 'anonymous' | 'otherOrgCaseworker';
interface Ids {
  readonly person: string;
  readonly cohort: string;
  readonly organisation: string;
  readonly programme: string;
  readonly tariff: string;
}
interface RouteRule {
  readonly allowed: readonly Role[] | 'public';
  readonly call: (ids: Ids) => { path: string; body?: object };
}

const DEMO_COHORT = '018f0000-0000-7000-8000-0000000c0023';
const careEvent = () => ({ type: 'CareEpisodeStarted', occurredAt: '2004', provenance: 'interview', data: { episodeId: uuidv7(), setting: 'addiction_outpatient' } });
const tariffBody = () => ({ episodeKind: 'insertion_post', setting: 'ACI', basis: 'per_event', amount: '23921.00', funder: 'État', validFrom: '2024-11-01' });

export const ACCESS_MATRIX: Record<string, RouteRule> = {
  'GET /health': { allowed: 'public', call: () => ({ path: '/health' }) },
  'POST /persons': { allowed: ['caseworker'], call: () => ({ path: '/persons', body: { pseudonym: 'M', provenance: 'interview' } }) },
  'POST /persons/:id/events': { allowed: ['caseworker'], call: (ids) => ({ path: `/persons/${ids.person}/events`, body: careEvent() }) },
  'POST /persons/:id/events/batch': { allowed: ['caseworker'], call: (ids) => ({ path: `/persons/${ids.person}/events/batch`, body: { events: [careEvent()] } }) },
  'GET /persons/:id/events': { allowed: ['caseworker', 'researcher'], call: (ids) => ({ path: `/persons/${ids.person}/events` }) },
  'GET /persons/:id/parcours': { allowed: ['caseworker', 'researcher'], call: (ids) => ({ path: `/persons/${ids.person}/parcours` }) },
  'GET /persons/:id/replay': { allowed: ['caseworker', 'researcher'], call: (ids) => ({ path: `/persons/${ids.person}/replay` }) },
  'DELETE /persons/:id': { allowed: ['admin'], call: () => ({ path: `/persons/${uuidv7()}`, body: { reason: 'request of the person (GDPR art. 17)' } }) },
  'GET /cohorts/:id/outcomes': { allowed: ['evaluator', 'researcher'], call: (ids) => ({ path: `/cohorts/${ids.cohort}/outcomes` }) },
  'GET /cohorts/:id/costs': { allowed: ['evaluator', 'researcher'], call: (ids) => ({ path: `/cohorts/${ids.cohort}/costs` }) },
  'GET /cohorts/:id/transitions': { allowed: ['evaluator', 'researcher'], call: (ids) => ({ path: `/cohorts/${ids.cohort}/transitions` }) },
  'GET /cohorts/:id/exports/:file': { allowed: ['researcher'], call: (ids) => ({ path: `/cohorts/${ids.cohort}/exports/persons.csv` }) },
  'POST /admin/cohorts': { allowed: ['admin'], call: () => ({ path: '/admin/cohorts', body: { id: uuidv7(), name: 'All', entryRule: 'programme_entry', programmeId: ARTICLE_23_ID } }) },
  'GET /admin/cohorts/:id': { allowed: ['admin', 'evaluator', 'researcher'], call: (ids) => ({ path: `/admin/cohorts/${ids.cohort}` }) },
  'POST /admin/cohorts/:id/retire': { allowed: ['admin'], call: () => ({ path: `/admin/cohorts/${uuidv7()}/retire`, body: { reason: 'test' } }) },
  'GET /admin/audit': { allowed: ['admin'], call: () => ({ path: '/admin/audit' }) },
  'GET /admin/projections': { allowed: ['admin'], call: () => ({ path: '/admin/projections' }) },
  'POST /admin/organisations': { allowed: ['admin'], call: () => ({ path: '/admin/organisations', body: { name: 'Org', type: 'employer', country: 'BE' } }) },
  'GET /admin/organisations/:id': { allowed: ['admin', 'caseworker', 'researcher', 'evaluator'], call: (ids) => ({ path: `/admin/organisations/${ids.organisation}` }) },
  'POST /admin/organisations/:id/rename': { allowed: ['admin'], call: (ids) => ({ path: `/admin/organisations/${ids.organisation}/rename`, body: { name: `Renamed ${uuidv7()}` } }) },
  'POST /admin/organisations/:id/conventions': {
    allowed: ['admin'],
    call: (ids) => ({ path: `/admin/organisations/${ids.organisation}/conventions`, body: { withOrganisationId: JOB_ORG, purpose: 'referrals', since: '2020' } }),
  },
  'POST /admin/organisations/:id/conventions/:conventionId/end': {
    allowed: ['admin'],
    call: (ids) => ({ path: `/admin/organisations/${ids.organisation}/conventions/${uuidv7()}/end`, body: { at: '2021' } }),
  },
  'POST /admin/programmes': { allowed: ['admin'], call: () => ({ path: '/admin/programmes', body: { name: 'Programme' } }) },
  'GET /admin/programmes/:id': { allowed: ['admin', 'caseworker', 'researcher', 'evaluator'], call: (ids) => ({ path: `/admin/programmes/${ids.programme}` }) },
  'POST /admin/programmes/:id/periods': {
    allowed: ['admin'],
    call: (ids) => ({ path: `/admin/programmes/${ids.programme}/periods`, body: { label: 'Later', from: '2030', to: '2031', order: 99 } }),
  },
  'DELETE /admin/programmes/:id/periods/:periodId': { allowed: ['admin'], call: (ids) => ({ path: `/admin/programmes/${ids.programme}/periods/${uuidv7()}` }) },
  'POST /admin/tariffs': { allowed: ['admin'], call: () => ({ path: '/admin/tariffs', body: tariffBody() }) },
  'GET /admin/tariffs/:id': { allowed: ['admin', 'evaluator'], call: (ids) => ({ path: `/admin/tariffs/${ids.tariff}` }) },
  'PUT /admin/tariffs/:id': { allowed: ['admin'], call: (ids) => ({ path: `/admin/tariffs/${ids.tariff}`, body: { ...tariffBody(), amount: '1.00' } }) },
  'POST /admin/tariffs/:id/withdraw': { allowed: ['admin'], call: () => ({ path: `/admin/tariffs/${uuidv7()}/withdraw`, body: { reason: 'test', at: '2025' } }) },
};

const ROLES: readonly Role[] = ['caseworker', 'researcher', 'evaluator', 'admin'];

describe('access matrix: every route × every role', () => {
  let t: TestApp;
  let ids: Ids;
  const auth = new Map<Caller, string>();

  beforeAll(async () => {
    t = await startTestApp();
    await loadDemoData(t.app);
    for (const role of ROLES) auth.set(role, await bearer(role));
    auth.set('otherOrgCaseworker', await bearer('caseworker', { org: JOB_ORG, sub: 'test.jobcoach' }));
    const admin = await t.as('admin');
    const organisation = (await admin.post('/admin/organisations').send({ name: 'Matrix org', type: 'hospital', country: 'BE' }).expect(201)).body.id as string;
    const programme = (await admin.post('/admin/programmes').send({ name: 'Matrix programme' }).expect(201)).body.id as string;
    const tariff = (await admin.post('/admin/tariffs').send(tariffBody()).expect(201)).body.id as string;
    ids = { person: CHRIS_ID, cohort: DEMO_COHORT, organisation, programme, tariff };
  });
  afterAll(async () => t?.close());

  it('has an entry for every route the application declares, and no entry for a route that does not exist', () => {
    const declared = declaredRoutes(t.app);
    expect(declared.filter((route) => !(route in ACCESS_MATRIX))).toEqual([]);
    expect(Object.keys(ACCESS_MATRIX).filter((route) => !declared.includes(route))).toEqual([]);
  });

  const send = (caller: Caller, route: string) => {
    const method = route.split(' ')[0]!;
    const { path, body } = ACCESS_MATRIX[route]!.call(ids);
    let req = request(t.app.getHttpServer())[method.toLowerCase() as 'get'](path);
    const token = auth.get(caller);
    if (token) req = req.set('Authorization', token);
    return body ? req.send(body) : req;
  };

  it.each(Object.keys(ACCESS_MATRIX))('%s: 401 without a token, 403 for every role it does not allow, served for the roles it allows', async (route) => {
    const rule = ACCESS_MATRIX[route]!;
    const anonymous = await send('anonymous', route);
    if (rule.allowed === 'public') {
      expect(anonymous.status).toBeLessThan(400);
      return;
    }
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer /);
    for (const role of ROLES) {
      const res = await send(role, route);
      if (rule.allowed.includes(role)) {
        // Served: the answer may be a 2xx or a domain 4xx (e.g. 404 for a made-up id), never an auth refusal or a 5xx.
        expect({ role, refused: [401, 403].includes(res.status), serverError: res.status >= 500, body: res.status >= 400 ? res.body : null }).toMatchObject({ role, refused: false, serverError: false });
      } else {
        expect({ role, status: res.status, code: res.body.code }).toEqual({ role, status: 403, code: 'FORBIDDEN' });
      }
    }
  });

  const caseworkerPersonRoutes = Object.entries(ACCESS_MATRIX).filter(([route, rule]) => route.includes('/persons/:id') && rule.allowed !== 'public' && rule.allowed.includes('caseworker'));
  it.each(caseworkerPersonRoutes.map(([route]) => route))(
    '%s: a caseworker of an organisation with no link to the person gets 404, as for an unknown id',
    async (route) => {
      const res = await send('otherOrgCaseworker', route);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'PERSON_NOT_FOUND' });
      const unknown = await request(t.app.getHttpServer()).get(`/persons/${uuidv7()}/events`).set('Authorization', auth.get('caseworker')!);
      expect(unknown.body.code).toBe('PERSON_NOT_FOUND');
    },
  );
});
