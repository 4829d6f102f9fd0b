import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  accessFactsOf,
  decide,
  draftOf,
  evolve,
  foldPerson,
  parsePersonEvent,
  parcoursAccessFacts,
  type IdentifiedPersonEvent,
  type ParcoursInput,
  type PersonState,
} from '@parcours/domain';

/**
 * Access checks on reads use the parcours read model's row when it is at the stream's head
 * (apps/api/src/parcours/parcours-access-facts.ts): the facts it gives must be the decider
 * state's, for any history the API could hold — consents given and withdrawn, organisations met
 * through episodes and referrals, corrections that change them, retractions, erasure.
 */
const ORGS = ['018f0000-0000-7000-8000-00000000000a', '018f0000-0000-7000-8000-00000000000b', '018f0000-0000-7000-8000-00000000000c'];
const SCOPES = ['care_sharing', 'research'] as const;

type Intent =
  | { kind: 'consent'; withdraw: boolean; scope: (typeof SCOPES)[number] }
  | { kind: 'episode'; org: number }
  | { kind: 'referral'; org: number; named: boolean }
  | { kind: 'correct'; pick: number; org: number; scope: (typeof SCOPES)[number] }
  | { kind: 'retract'; pick: number }
  | { kind: 'erase' };

const org = fc.nat({ max: ORGS.length - 1 });
const scope = fc.constantFrom(...SCOPES);
const intent: fc.Arbitrary<Intent> = fc.oneof(
  fc.record({ kind: fc.constant('consent' as const), withdraw: fc.boolean(), scope }),
  fc.record({ kind: fc.constant('episode' as const), org }),
  fc.record({ kind: fc.constant('referral' as const), org, named: fc.boolean() }),
  fc.record({ kind: fc.constant('correct' as const), pick: fc.nat(), org, scope }),
  fc.record({ kind: fc.constant('retract' as const), pick: fc.nat() }),
  fc.constant({ kind: 'erase' as const }),
);

function history(intents: readonly Intent[]): IdentifiedPersonEvent[] {
  let n = 0;
  const id = () => `018f7777-0000-7000-8000-${String(++n).padStart(12, '0')}`;
  const base = { occurredAt: '2010', provenance: 'interview' };
  // Registration is its own command: the history starts with it, as history-arbitrary.ts does.
  const events: IdentifiedPersonEvent[] = [{ ...parsePersonEvent('PersonRegistered', { ...base, pseudonym: 'P' }), eventId: id() } as IdentifiedPersonEvent];
  let state: PersonState = foldPerson(events);
  const accept = (type: string, data: Record<string, unknown>) => {
    try {
      const [decided] = decide({ type: 'RecordPersonEvents', events: [{ eventId: id(), type, data } as unknown as IdentifiedPersonEvent] }, state);
      state = evolve(state, decided!);
      events.push(decided!);
    } catch {
      // refused by the decider: not a history the API could hold
    }
  };
  for (const it of intents) {
    if (it.kind === 'consent') accept(it.withdraw ? 'ConsentWithdrawn' : 'ConsentRecorded', { ...base, scope: it.scope });
    else if (it.kind === 'episode') accept('CareEpisodeStarted', { ...base, episodeId: id(), setting: 'addiction_outpatient', organisation: { organisationId: ORGS[it.org] } });
    else if (it.kind === 'referral') {
      const to = it.named ? { name: 'CSAPA' } : { organisationId: ORGS[it.org] };
      accept('ReferralMade', { ...base, referralId: id(), from: { role: 'counsellor' }, to, initiator: 'professional' });
    } else if (it.kind === 'erase') accept('PersonErased', { ...base, reason: 'request' });
    else {
      const targets = events.filter((e) => ['ConsentRecorded', 'ConsentWithdrawn', 'CareEpisodeStarted', 'ReferralMade'].includes(e.type));
      if (!targets.length) continue;
      const target = targets[it.pick % targets.length]!;
      const data = target.data as Record<string, unknown>;
      if (it.kind === 'retract') accept('EventRetracted', { ...base, targetEventId: target.eventId, reason: 'wrong person' });
      else {
        const replacement =
          target.type === 'ReferralMade' ? { ...data, to: { organisationId: ORGS[it.org] } }
          : target.type === 'CareEpisodeStarted' ? { ...data, organisation: { organisationId: ORGS[it.org] } }
          : { ...data, scope: it.scope };
        accept('EventCorrected', { ...base, targetEventId: target.eventId, replacement, reason: 'record found' });
      }
    }
  }
  return events;
}

const inputsOf = (events: readonly IdentifiedPersonEvent[]): ParcoursInput[] =>
  events.map((e, revision) => ({ ...e, revision, recordedAt: new Date(Date.UTC(2012, 10, 1, 0, revision)).toISOString() }) as ParcoursInput);

describe('access facts from the parcours read model', () => {
  it('given any valid history, when folded either way, then the access facts are the same', () => {
    const seen = { consents: 0, organisations: 0, erased: 0 };
    fc.assert(
      fc.property(fc.array(intent, { maxLength: 25 }), fc.option(fc.constantFrom(...ORGS), { nil: null }), (intents, registeredBy) => {
        const events = history(intents);
        const expected = accessFactsOf(foldPerson(events), registeredBy);
        expect(parcoursAccessFacts(draftOf('p', inputsOf(events)), registeredBy)).toEqual(expected);
        if (expected.consents.size) seen.consents += 1;
        if (expected.organisations.size > (registeredBy ? 1 : 0)) seen.organisations += 1;
        if (expected.erased) seen.erased += 1;
      }),
      { numRuns: 400 },
    );
    // The histories really exercised each rule.
    expect(seen.consents).toBeGreaterThan(40);
    expect(seen.organisations).toBeGreaterThan(40);
    expect(seen.erased).toBeGreaterThan(40);
  });

  it('given no events, then the person does not exist', () => {
    expect(parcoursAccessFacts(draftOf('p', []), null)).toEqual({ exists: false, erased: false, organisations: new Set(), consents: new Set() });
  });
});
