import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../apps/api/src/auth/principal.js';
import { loadDemoData } from '../../apps/api/src/demo/load-demo-data.js';
import { bearer, JOB_ORG } from '../support/auth.js';
import { ACCESS_MATRIX, DEMO_COHORT, tariffBody, type Caller, type Ids } from '../support/access-matrix.js';
import { CHRIS_ID } from '../support/chris.js';
import { declaredRoutes } from '../support/route-inventory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Broken object-level authorisation, tested first (issue #7): every route × every role, and
 * cross-organisation access by guessing ids. A route added without an entry here fails the
 * first test: nobody ships a route whose access nobody has thought about.
 */
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
