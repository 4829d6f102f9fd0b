import { describe, expect, it } from '@jest/globals';
import { accessFactsOf, careEventIdsOf, personAccessFacts } from './access.js';
import type { IdentifiedPersonEvent } from './events.js';
import { episodeOf, episodesOf, evolve, evolveAll, foldPerson, initialPersonState } from './person-state.js';

let n = 0;
const id = () => `018f0000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const ev = (type: string, data: Record<string, unknown>, eventId = id()) => ({ type, eventId, data: { provenance: 'interview', ...data } }) as unknown as IdentifiedPersonEvent;

const CSAPA = '018f0000-0000-7000-8000-00000000c5a9';
const WORKSHOP = '018f0000-0000-7000-8000-00000000e391';
const registered = ev('PersonRegistered', { occurredAt: '2003', pseudonym: 'Chris', birthYear: 1980 });
const care = ev('CareEpisodeStarted', { occurredAt: '2003', episodeId: id(), setting: 'addiction_outpatient', organisation: { organisationId: CSAPA } });
const consent = ev('ConsentRecorded', { occurredAt: '2004', scope: 'research' });
const correctedBirth = ev('EventCorrected', { occurredAt: '2004', targetEventId: registered.eventId, replacement: { ...registered.data, birthYear: 1979 } });
const referral = ev('ReferralMade', { occurredAt: '2005', to: { organisationId: WORKSHOP } });
const withdrawn = ev('ConsentWithdrawn', { occurredAt: '2003', scope: 'research' }); // dated earlier, recorded later
const retractedCare = ev('EventRetracted', { occurredAt: '2006', targetEventId: care.eventId });
const history = [registered, care, consent, correctedBirth, referral, withdrawn, retractedCare];

describe('person state', () => {
  it('given a history, when folded at once, event by event or in chunks, then the states are the same', () => {
    const stepwise = history.reduce(evolve, initialPersonState);
    expect(foldPerson(history)).toEqual(stepwise);
    expect(evolveAll(evolveAll(initialPersonState, history.slice(0, 3)), history.slice(3))).toEqual(stepwise);
  });

  it('given a registration, when it is corrected, then the birth year is the corrected one', () => {
    expect(foldPerson(history.slice(0, 3)).birthYear).toBe(1980);
    expect(foldPerson(history).birthYear).toBe(1979);
  });

  it('given a state, when evolved with nothing, then it is the same object; with events, the earlier state is untouched', () => {
    const before = foldPerson(history.slice(0, 2));
    expect(evolveAll(before, [])).toBe(before);
    evolveAll(before, history.slice(2));
    expect([...before.facts.keys()]).toEqual([registered.eventId, care.eventId]);
  });
});

describe('one episode', () => {
  it('given starts, ends, a duplicate, a retraction and a corrected date, then each episode alone is the one of all episodes', () => {
    const stay = id();
    const admitted = ev('HospitalAdmitted', { occurredAt: '2004', episodeId: stay, kind: 'general' });
    const discharged = ev('HospitalDischarged', { occurredAt: '2004-06', episodeId: stay });
    const again = ev('HospitalDischarged', { occurredAt: '2004-07', episodeId: stay });
    const fixed = ev('EventCorrected', { occurredAt: '2005', targetEventId: admitted.eventId, replacement: { ...admitted.data, occurredAt: '2004-02' } });
    const state = foldPerson([...history, admitted, discharged, again, fixed]);
    const all = episodesOf(state);
    expect(all.get(stay)?.duplicates).toBe(1);
    for (const [episodeId, episode] of all) expect(episodeOf(state, episodeId)).toEqual(episode);
    expect(episodeOf(state, (care.data as { episodeId: string }).episodeId)).toBeUndefined(); // retracted
    expect(episodeOf(state, id())).toBeUndefined();
  });
});

describe('access facts from a folded state', () => {
  it('given a history, when derived from its fold and the registering organisation, then they equal those of the history', () => {
    const recorded = history.map((event, i) => ({ event, recordedByOrganisationId: i === 0 ? CSAPA : null }));
    expect(accessFactsOf(foldPerson(history), CSAPA)).toEqual(personAccessFacts(recorded));
  });

  it('given a consent withdrawn later but dated earlier, then the consent no longer stands; a referral brings its organisation in', () => {
    const facts = accessFactsOf(foldPerson(history), null);
    expect(facts.consents.has('research')).toBe(false);
    expect(facts.organisations.has(WORKSHOP.toLowerCase())).toBe(true);
    expect(facts.organisations.has(CSAPA.toLowerCase())).toBe(false); // its only care episode was retracted
  });

  it('lists clinical events by id, retracted ones included', () => {
    expect(careEventIdsOf(foldPerson(history))).toEqual(new Set([care.eventId]));
  });
});
