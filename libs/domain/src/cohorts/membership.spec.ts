import { describe, expect, it } from '@jest/globals';
import { emptySummary, type Instant, type PersonSummary } from '../analytics/person-summary.js';
import { cohortMembers, entryOf } from './membership.js';
import { cohortDefinitionSchema, type CohortDefinition } from './events.js';

const at = (iso: string): Instant => ({ lower: Date.parse(iso), upper: Date.parse(iso), mid: Date.parse(iso) });
const PROG = '018f0000-0000-7000-8000-0000000a2300';
const ORG = '018f0000-0000-7000-8000-0000000000aa';

const person = (id: string, overrides: Partial<PersonSummary> = {}): PersonSummary => ({
  ...emptySummary(id),
  gender: 'male',
  birthYear: 1980,
  registeredAt: at('2003-01-01'),
  firstContact: at('2003-01-01'),
  ...overrides,
});
const define = (d: Record<string, unknown>): CohortDefinition => cohortDefinitionSchema.parse({ name: 'c', ...d });

describe('cohort membership', () => {
  const entered = (iso: string) => ({ programmes: [{ programmeId: PROG, entered: at(iso), exited: null, destination: null }] });
  const summaries = [
    person('a', entered('2009-09-01')),
    person('b', entered('2013-02-01')),
    person('c', { ...entered('2010-01-01'), gender: 'female', birthYear: 1995 }),
    person('d', { ...entered('2010-01-01'), erased: true }),
    person('e'),
  ];

  it('given programme entry in 2009-2012, then the persons who entered in that period, not the erased', () => {
    const members = cohortMembers(define({ entryRule: 'programme_entry', programmeId: PROG, entryFrom: '2009', entryTo: '2012' }), summaries);
    expect(members.map((m) => m.summary.personId)).toEqual(['a', 'c']);
    expect(members[0]!.entry.mid).toBe(Date.parse('2009-09-01'));
  });

  it('filters by gender and birth-year band', () => {
    const cohort = define({ entryRule: 'programme_entry', programmeId: PROG, genders: ['female'], birthYearFrom: 1990, birthYearTo: 1999 });
    expect(cohortMembers(cohort, summaries).map((m) => m.summary.personId)).toEqual(['c']);
  });

  it('finds the entry by the other rules: first episode or referral at an organisation, first contact', () => {
    const episode = { episodeId: 'x', kind: 'workshop' as const, field: 'employment' as const, start: at('2011-05-01'), end: null, endStatus: 'open' as const, organisationId: ORG, organisationName: null, details: {} };
    const p = person('f', { episodes: [episode], referrals: [{ when: at('2011-03-01'), toOrganisationId: ORG, fromField: 'care', followed: true }] });
    expect(entryOf(define({ entryRule: 'first_episode_at_organisation', organisationId: ORG }), p)!.mid).toBe(Date.parse('2011-05-01'));
    expect(entryOf(define({ entryRule: 'first_referral_to_organisation', organisationId: ORG }), p)!.mid).toBe(Date.parse('2011-03-01'));
    expect(entryOf(define({ entryRule: 'first_contact' }), p)!.mid).toBe(Date.parse('2003-01-01'));
  });

  it('refuses definitions whose rule lacks what it needs', () => {
    expect(cohortDefinitionSchema.safeParse({ name: 'c', entryRule: 'programme_entry' }).success).toBe(false);
    expect(cohortDefinitionSchema.safeParse({ name: 'c', entryRule: 'first_episode_at_organisation' }).success).toBe(false);
    expect(cohortDefinitionSchema.safeParse({ name: 'c', entryRule: 'first_contact', birthYearFrom: 1990, birthYearTo: 1980 }).success).toBe(false);
  });
});
