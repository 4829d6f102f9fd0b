import { describe, expect, it } from '@jest/globals';
import type { FastifyRequest } from 'fastify';
import { BadRequestParameterError } from '../application/application-errors.js';
import { UnauthenticatedError } from '../auth/auth-errors.js';
import { draftOf } from './audit.interceptor.js';

const request = (overrides: Record<string, unknown> = {}) =>
  ({
    id: 'req-1',
    method: 'GET',
    url: '/cohorts/018F0000-0000-7000-8000-0000000C0023/exports/spells.csv?project=alpha',
    routeOptions: { url: '/cohorts/:id/exports/:file' },
    params: { id: '018F0000-0000-7000-8000-0000000C0023', file: 'spells.csv' },
    query: { project: 'alpha' },
    headers: {},
    principal: { sub: 'r.one', role: 'researcher', organisationId: null },
    ...overrides,
  }) as unknown as FastifyRequest;

describe('what the audit interceptor writes down before the handler runs', () => {
  it('names the caller, the route template, the subject (lower-cased) and the rest of what was asked', () => {
    expect(draftOf('cohort.export.read', request())).toEqual({
      action: 'cohort.export.read',
      sub: 'r.one',
      role: 'researcher',
      organisationId: null,
      method: 'GET',
      route: '/cohorts/:id/exports/:file',
      cohortId: '018f0000-0000-7000-8000-0000000c0023',
      params: { file: 'spells.csv' },
      query: { project: 'alpha' },
      purpose: 'research',
      purposeDeclared: false,
      requestId: 'req-1',
    });
  });

  it('keeps the declared purpose, and bounds what the caller controls', () => {
    const long = 'x'.repeat(5000);
    const draft = draftOf('person.parcours.read', request({ headers: { 'x-purpose': 'court report' }, params: { id: 'abc' }, query: { asLivedAt: long, list: ['a', long], nested: { a: 1 } } }));
    expect(draft).toMatchObject({ personId: 'abc', purpose: 'court report', purposeDeclared: true, params: {} });
    expect(draft.query).toEqual({ asLivedAt: 'x'.repeat(200), list: ['a', 'x'.repeat(200)] });
    expect(draftOf('audit.read', request({ params: {} }))).not.toHaveProperty('personId');
  });

  it('refuses a bad X-Purpose (400) and a request without a verified caller (401)', () => {
    expect(() => draftOf('person.events.read', request({ headers: { 'x-purpose': '' } }))).toThrow(BadRequestParameterError);
    expect(() => draftOf('person.events.read', request({ principal: undefined }))).toThrow(UnauthenticatedError);
  });
});
