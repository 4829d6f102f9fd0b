import { describe, expect, it } from '@jest/globals';
import { DomainError, InvalidInputError, NotFoundError } from '../../errors.js';
import { parseReferenceEvent } from '../catalogue.js';
import { decideOrganisation, foldOrganisation, type OrganisationCommand } from './decider.js';
import { ORGANISATION_EVENT_CATALOGUE, type OrganisationEvent, type OrganisationEventOf } from './events.js';

const self = '0190c1e4-0000-7000-8000-0000000000a1';
const partner = '0190c1e4-0000-7000-8000-0000000000b2';
const conventionId = '0190c1e4-0000-7000-8000-0000000000c3';

const registered: OrganisationEventOf<'OrganisationRegistered'> = {
  type: 'OrganisationRegistered',
  data: { name: 'Article 23', type: 'insertion_workshop', country: 'BE', city: 'Liège' },
};
const signed = (data: Partial<OrganisationEventOf<'ConventionSigned'>['data']> = {}): OrganisationEventOf<'ConventionSigned'> => ({
  type: 'ConventionSigned',
  data: { conventionId, withOrganisationId: partner, purpose: 'Référence des personnes suivies', since: '2009', ...data },
});
const ended = (at: string): OrganisationEventOf<'ConventionEnded'> => ({ type: 'ConventionEnded', data: { conventionId, at } });
const sign = (event = signed(), partnerRegistered = true): OrganisationCommand => ({ type: 'SignConvention', event, organisationId: self, partnerRegistered });

/** given the past events, when the command is decided, then the new events (or the error). */
const given = (...history: OrganisationEvent[]) => ({
  when: (command: OrganisationCommand) => () => decideOrganisation(command, foldOrganisation(history)),
});

describe('organisation decider', () => {
  it('given nothing, when registered, then OrganisationRegistered', () => {
    expect(given().when({ type: 'RegisterOrganisation', event: registered })()).toEqual([registered]);
  });

  it('given a registered organisation, when registered again, then ORGANISATION_ALREADY_REGISTERED', () => {
    expect(given(registered).when({ type: 'RegisterOrganisation', event: registered })).toThrow(
      expect.objectContaining({ code: 'ORGANISATION_ALREADY_REGISTERED' }),
    );
  });

  it('given nothing, when renamed, then ORGANISATION_NOT_FOUND (a 404)', () => {
    expect(given().when({ type: 'RenameOrganisation', event: { type: 'OrganisationRenamed', data: { name: 'A23' } } })).toThrow(NotFoundError);
  });

  it('given a registered organisation, when renamed, then the new name is kept and the old one remembered', () => {
    const renamed: OrganisationEvent = { type: 'OrganisationRenamed', data: { name: 'Article 23 asbl' } };
    expect(given(registered).when({ type: 'RenameOrganisation', event: renamed })()).toEqual([renamed]);
    const state = foldOrganisation([registered, renamed]);
    expect(state.profile?.name).toBe('Article 23 asbl');
    expect(state.formerNames).toEqual(['Article 23']);
  });

  it('given a name, when renamed to the same name, then ORGANISATION_NAME_UNCHANGED', () => {
    expect(given(registered).when({ type: 'RenameOrganisation', event: { type: 'OrganisationRenamed', data: { name: 'Article 23' } } })).toThrow(
      expect.objectContaining({ code: 'ORGANISATION_NAME_UNCHANGED' }),
    );
  });

  it('given a registered partner, when a convention is signed, then ConventionSigned', () => {
    expect(given(registered).when(sign())()).toEqual([signed()]);
  });

  it('given an organisation, when it signs a convention with itself, then CONVENTION_WITH_ITSELF', () => {
    expect(given(registered).when(sign(signed({ withOrganisationId: self })))).toThrow(expect.objectContaining({ code: 'CONVENTION_WITH_ITSELF' }));
  });

  it('given an unknown partner, when a convention is signed, then CONVENTION_PARTNER_NOT_FOUND (a rule, not a 404)', () => {
    const attempt = given(registered).when(sign(signed(), false));
    expect(attempt).toThrow(expect.objectContaining({ code: 'CONVENTION_PARTNER_NOT_FOUND' }));
    expect(attempt).not.toThrow(NotFoundError);
  });

  it('given a convention, when the same convention id is signed again, then CONVENTION_ALREADY_SIGNED', () => {
    expect(given(registered, signed()).when(sign())).toThrow(expect.objectContaining({ code: 'CONVENTION_ALREADY_SIGNED' }));
  });

  it('given a convention from 2009, when it is signed to run until 2008, then CONVENTION_UNTIL_BEFORE_SINCE', () => {
    expect(given(registered).when(sign(signed({ until: '2008' })))).toThrow(expect.objectContaining({ code: 'CONVENTION_UNTIL_BEFORE_SINCE' }));
  });

  it('given a convention from 2009, when it ends in 2012, then ConventionEnded and the state shows the end', () => {
    expect(given(registered, signed()).when({ type: 'EndConvention', event: ended('2012') })()).toEqual([ended('2012')]);
    expect(foldOrganisation([registered, signed(), ended('2012')]).conventions.get(conventionId)?.endedAt).toBe('2012');
  });

  it('given a convention from 2009, when it ends within the vague 2009, then it is accepted (bounds overlap)', () => {
    expect(given(registered, signed()).when({ type: 'EndConvention', event: ended('2009-06') })()).toHaveLength(1);
  });

  it('given a convention from 2009, when it ends in 2008, then CONVENTION_END_BEFORE_START', () => {
    expect(given(registered, signed()).when({ type: 'EndConvention', event: ended('2008-12') })).toThrow(
      expect.objectContaining({ code: 'CONVENTION_END_BEFORE_START' }),
    );
  });

  it('given no such convention, when it ends, then CONVENTION_NOT_FOUND (a 404)', () => {
    expect(given(registered).when({ type: 'EndConvention', event: ended('2012') })).toThrow(NotFoundError);
  });

  it('given an ended convention, when it ends again, then CONVENTION_ALREADY_ENDED', () => {
    const attempt = given(registered, signed(), ended('2012')).when({ type: 'EndConvention', event: ended('2013') });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'CONVENTION_ALREADY_ENDED' }));
  });
});

describe('organisation events schema', () => {
  it('normalises the country code and refuses codes that are not ISO 3166-1 alpha-2', () => {
    const ok = parseReferenceEvent(ORGANISATION_EVENT_CATALOGUE, 'OrganisationRegistered', { name: 'CHU', type: 'hospital', country: 'fr' });
    expect(ok.data.country).toBe('FR');
    expect(() => parseReferenceEvent(ORGANISATION_EVENT_CATALOGUE, 'OrganisationRegistered', { name: 'CHU', type: 'hospital', country: 'XX' })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ field: 'country', rule: 'iso3166Alpha2' })] }),
    );
  });

  it('names every broken field: bad type, interval where a date is expected, unknown field', () => {
    let error: InvalidInputError | undefined;
    try {
      parseReferenceEvent(ORGANISATION_EVENT_CATALOGUE, 'ConventionSigned', { conventionId, withOrganisationId: 'x', purpose: 'p', since: '2009/2010', colour: 1 });
    } catch (e) {
      error = e as InvalidInputError;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error!.issues.map((i) => `${i.field}:${i.rule}`).sort()).toEqual(['colour:unknownField', 'since:edtf', 'withOrganisationId:invalid_format']);
  });
});
