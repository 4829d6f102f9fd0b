import fc from 'fast-check';
import {
  decide,
  evolve,
  foldPerson,
  parsePersonEvent,
  PERSON_EVENT_CATALOGUE,
  type IdentifiedPersonEvent,
  type PersonEventOf,
  type PersonState,
} from '@parcours/domain';

/**
 * Random valid person histories for property tests: candidate events with random (often
 * retroactive, often vague) dates, kept only when the decider accepts them, so every history is
 * one the API could have recorded; corrections and retractions target earlier facts.
 */
const DATES = ['2001', '2003', '2003-05', '2004', '2005?', '2006~', '2007', '2007-03', '2007-11-02', '2008/2009', '2009-40', '2009-41', '2010', '2011/2012', '2012', '2012-06'];

type Intent =
  | { kind: 'start'; type: 'CareEpisodeStarted' | 'HospitalAdmitted' | 'TrainingStarted' | 'Hired' | 'RelapseOccurred'; date: string }
  | { kind: 'end'; pick: number; date: string }
  | { kind: 'point'; type: 'HousingStatusChanged' | 'ReferralMade' | 'NarrativeRecorded'; date: string; after: boolean }
  | { kind: 'correct'; pick: number; date: string }
  | { kind: 'retract'; pick: number };

const date = fc.constantFrom(...DATES);
const intent: fc.Arbitrary<Intent> = fc.oneof(
  fc.record({ kind: fc.constant('start' as const), type: fc.constantFrom('CareEpisodeStarted', 'HospitalAdmitted', 'TrainingStarted', 'Hired', 'RelapseOccurred') as fc.Arbitrary<'Hired'>, date }),
  fc.record({ kind: fc.constant('end' as const), pick: fc.nat(), date }),
  fc.record({ kind: fc.constant('point' as const), type: fc.constantFrom('HousingStatusChanged', 'ReferralMade', 'NarrativeRecorded') as fc.Arbitrary<'ReferralMade'>, date, after: fc.boolean() }),
  fc.record({ kind: fc.constant('correct' as const), pick: fc.nat(), date }),
  fc.record({ kind: fc.constant('retract' as const), pick: fc.nat() }),
);

export const historyArbitrary = (personIndex: number) =>
  fc.array(intent, { minLength: 1, maxLength: 30 }).map((intents) => buildHistory(personIndex, intents));

const END_OF: Record<string, { type: string; extra: Record<string, unknown> }> = {
  CareEpisodeStarted: { type: 'CareEpisodeEnded', extra: {} },
  HospitalAdmitted: { type: 'HospitalDischarged', extra: {} },
  TrainingStarted: { type: 'TrainingEnded', extra: { outcome: 'failed' } },
  Hired: { type: 'EmploymentEnded', extra: { reason: 'end_of_contract' } },
  RelapseOccurred: { type: 'RelapseContained', extra: {} },
};
const START_EXTRA: Record<string, Record<string, unknown>> = {
  CareEpisodeStarted: { setting: 'addiction_outpatient' },
  HospitalAdmitted: { kind: 'psychiatric' },
  TrainingStarted: { setting: 'ordinary' },
  Hired: { employer: { name: 'EI' }, contract: 'cdd' },
  RelapseOccurred: {},
};
const POINT_EXTRA: Record<string, (n: number) => Record<string, unknown>> = {
  HousingStatusChanged: () => ({ status: 'supported_housing' }),
  ReferralMade: (n) => ({ referralId: uuid(9, n), from: { role: 'counsellor' }, to: { name: 'CSAPA' }, initiator: 'professional' }),
  NarrativeRecorded: () => ({ text: 'spaced out' }),
};

function buildHistory(personIndex: number, intents: readonly Intent[]): { personId: string; events: IdentifiedPersonEvent[] } {
  let n = 0;
  const id = () => uuid(personIndex, ++n);
  const registration = parsePersonEvent('PersonRegistered', { occurredAt: '2001', provenance: 'interview', pseudonym: `P${personIndex}` });
  const events: IdentifiedPersonEvent[] = [{ ...registration, eventId: id() } as IdentifiedPersonEvent];
  let state: PersonState = foldPerson(events);
  const starts: IdentifiedPersonEvent[] = [];
  const accept = (candidate: IdentifiedPersonEvent) => {
    try {
      const [decided] = decide({ type: 'RecordPersonEvents', events: [candidate] }, state);
      state = evolve(state, decided!);
      events.push(decided!);
      return true;
    } catch {
      return false; // the decider refused it: not a history the API could hold
    }
  };
  for (const it of intents) {
    const base = { provenance: 'interview' as const };
    if (it.kind === 'start') {
      const event = { eventId: id(), type: it.type, data: { ...base, occurredAt: it.date, episodeId: id(), ...START_EXTRA[it.type] } } as unknown as IdentifiedPersonEvent;
      if (accept(event)) starts.push(event);
    } else if (it.kind === 'end' && starts.length) {
      const start = starts[it.pick % starts.length]!;
      const end = END_OF[start.type]!;
      accept({ eventId: id(), type: end.type, data: { ...base, occurredAt: it.date, episodeId: (start.data as { episodeId: string }).episodeId, ...end.extra } } as unknown as IdentifiedPersonEvent);
    } else if (it.kind === 'point') {
      const after = it.after ? events[events.length - 1]!.eventId : undefined;
      accept({ eventId: id(), type: it.type, data: { ...base, occurredAt: it.date, ...(after ? { after } : {}), ...POINT_EXTRA[it.type]!(n) } } as unknown as IdentifiedPersonEvent);
    } else if (it.kind === 'correct' || it.kind === 'retract') {
      const targets = events.filter((e) => e.type !== 'EventCorrected' && e.type !== 'EventRetracted' && e.type !== 'PersonRegistered');
      if (!targets.length) continue;
      const target = targets[it.pick % targets.length]!;
      const data =
        it.kind === 'correct'
          ? { ...base, occurredAt: '2012-11', targetEventId: target.eventId, replacement: { ...(target.data as object), occurredAt: it.date }, reason: 'record found' }
          : { ...base, occurredAt: '2012-11', targetEventId: target.eventId, reason: 'wrong person' };
      accept({ eventId: id(), type: it.kind === 'correct' ? 'EventCorrected' : 'EventRetracted', data } as unknown as IdentifiedPersonEvent);
    }
  }
  return { personId: uuid(personIndex, 0), events };
}

function uuid(a: number, b: number): string {
  return `018f${String(a).padStart(4, '0')}-0000-7000-8000-${String(b).padStart(12, '0')}`;
}

export const schemaVersionOf = (type: IdentifiedPersonEvent['type']) => PERSON_EVENT_CATALOGUE[type].version;
export type { PersonEventOf };
