import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../apps/api/src/auth/principal.js';
import { JOB_ORG } from './auth.js';
import { ARTICLE_23_ID } from './chris-parcours.js';

/**
 * The role × route matrix (issue #7): for every route the application declares, who may call it
 * and a well-formed request to it. test/api/access-matrix.e2e-spec.ts checks every cell and fails
 * when a route has no entry; the fuzzing suite reuses the requests as seeds.
 */
export type Caller = Role | 'anonymous' | 'otherOrgCaseworker';
export interface Ids {
  readonly person: string;
  readonly cohort: string;
  readonly organisation: string;
  readonly programme: string;
  readonly tariff: string;
}
export interface RouteRule {
  readonly allowed: readonly Role[] | 'public';
  readonly call: (ids: Ids) => { path: string; body?: object };
}

export const DEMO_COHORT = '018f0000-0000-7000-8000-0000000c0023';
const careEvent = () => ({ type: 'CareEpisodeStarted', occurredAt: '2004', provenance: 'interview', data: { episodeId: uuidv7(), setting: 'addiction_outpatient' } });
export const tariffBody = () => ({ episodeKind: 'insertion_post', setting: 'ACI', basis: 'per_event', amount: '23921.00', funder: 'État', validFrom: '2024-11-01' });

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

