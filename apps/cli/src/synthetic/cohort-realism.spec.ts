import { beforeAll, describe, expect, it } from '@jest/globals';
import { certainlyBefore, foldParcours, parseValidTime, renderParcours } from '@parcours/domain';
import { parseAll } from '../../../api/src/persons/commands/record-person-events.command.js';
import { type CohortLine, type CohortPerson, generateCohort, SYNTHETIC_PROGRAMMES } from './generate-cohort.js';

/** The paths look like DOMAIN.md's: loops across lanes, vague dates, open ends, amendments. */
describe('a synthetic cohort of 1,000 persons', () => {
  let persons: CohortPerson[];
  let lines: CohortLine[];
  const ofType = (type: string) => lines.filter((l) => l.type === type);
  const values = (type: string, field: string) => new Set(ofType(type).map((l) => l.data[field]));
  const share = (test: (p: CohortPerson) => boolean) => persons.filter(test).length / persons.length;
  const has = (p: CohortPerson, type: string) => p.some((l) => l.type === type);

  beforeAll(() => {
    persons = [...generateCohort({ seed: 11, persons: 1000 })];
    lines = persons.flat();
  });

  it('tells dates in every EDTF form, all of them valid', () => {
    const forms: Record<string, RegExp> = {
      year: /^\d{4}$/, month: /^\d{4}-(0\d|1[0-2])$/, day: /^\d{4}-\d{2}-\d{2}$/, dateTime: /T\d{2}:\d{2}:\d{2}Z$/,
      half: /^\d{4}-4[01]$/, quarter: /^\d{4}-3[3-6]$/, season: /^\d{4}-2[1-4]$/, uncertain: /\?$/, approximate: /~$/, both: /%$/,
      interval: /^\d[^/]*\/\d/, openEnd: /\/\.\.$/, openStart: /^\//, decade: /^\d{3}X$/, unspecifiedDay: /-\dX$/,
    };
    const dates = lines.map((l) => l.occurredAt);
    const missing = Object.entries(forms).filter(([, re]) => !dates.some((d) => re.test(d))).map(([name]) => name);
    expect(missing).toEqual([]);
    expect(dates.filter((d) => !isValid(d))).toEqual([]);
  });

  it('orders facts that share a coarse date with `after` hints naming an earlier line', () => {
    let sameDate = 0;
    let hints = 0;
    for (const person of persons) {
      person.forEach((line, i) => {
        if (!line.after) return;
        hints += 1;
        const named = person.findIndex((l) => l.eventId === line.after);
        expect(named).toBeGreaterThanOrEqual(0);
        expect(named).toBeLessThan(i);
        if (person[named]!.occurredAt === line.occurredAt) sameDate += 1;
      });
    }
    expect(hints / lines.length).toBeGreaterThan(0.05);
    expect(sameDate / hints).toBeGreaterThan(0.8);
  });

  it('leaves episodes open (still followed), and ends some without a known date', () => {
    const ended = new Set(lines.filter((l) => l.type === 'CareEpisodeEnded').map((l) => l.data['episodeId']));
    const started = ofType('CareEpisodeStarted');
    expect(started.filter((l) => !ended.has(l.data['episodeId'])).length / started.length).toBeGreaterThan(0.2);
    expect(ofType('RehabilitationEnded').some((l) => l.data['outcome'] === 'unknown' && l.occurredAt.includes('/'))).toBe(true);
  });

  it('has psychiatric readmissions, failed rehabilitations and trainings, relapses mostly contained', () => {
    expect(ofType('HospitalAdmitted').filter((l) => l.data['readmission'] === true).length).toBeGreaterThan(50);
    expect(values('HospitalAdmitted', 'kind')).toEqual(new Set(['general', 'psychiatric', 'detox']));
    expect(values('RehabilitationEnded', 'outcome')).toEqual(new Set(['completed', 'interrupted', 'transferred', 'unknown']));
    expect(values('TrainingEnded', 'outcome')).toEqual(new Set(['completed', 'failed', 'abandoned']));
    expect(ofType('RelapseContained').length / ofType('RelapseOccurred').length).toBeGreaterThan(0.5);
    expect(values('RelapseOccurred', 'context')).toEqual(new Set(['during_training', 'during_employment', 'after_prison', 'after_care', 'other']));
  });

  it('moves through workshops with sorties dynamiques, internships that lead to hires, a contract mix', () => {
    expect(values('WorkshopExited', 'destination')).toEqual(new Set(['durable_employment', 'transition_employment', 'positive_exit', 'other_exit', 'unknown']));
    expect(values('ProgrammeEntered', 'programmeId')).toEqual(new Set(Object.values(SYNTHETIC_PROGRAMMES).map((p) => p.programmeId)));
    const ledToHire = new Set(ofType('InternshipEnded').filter((l) => l.data['outcome'] === 'led_to_hire').map((l) => l.eventId));
    expect(ofType('Hired').filter((l) => l.after && ledToHire.has(l.after)).length).toBeGreaterThan(20);
    expect(values('Hired', 'contract')).toEqual(new Set(['cdi', 'cdd', 'temp', 'subsidised', 'apprenticeship', 'civil_service', 'cae_salaried', undefined]));
    expect(values('Hired', 'labourMarket')).toEqual(new Set(['first', 'second', undefined]));
    expect(values('ReferralMade', 'fromField')).toEqual(new Set(['care', 'social', 'employment', 'training', undefined]));
    expect(values('ReferralMade', 'initiator')).toEqual(new Set(['professional', 'self', 'relative', 'justice']));
  });

  it('loses people to follow-up, most of whom come back', () => {
    const lost = persons.filter((p) => has(p, 'LostToFollowUp'));
    expect(lost.length).toBeGreaterThan(100);
    expect(lost.filter((p) => has(p, 'FollowUpResumed')).length / lost.length).toBeGreaterThan(0.5);
  });

  it('records consents (most agree to research, a few withdraw) and a few percent of corrections and retractions', () => {
    expect(share((p) => p.some((l) => l.type === 'ConsentRecorded' && l.data['scope'] === 'research'))).toBeGreaterThan(0.75);
    expect(share((p) => has(p, 'ConsentWithdrawn'))).toBeGreaterThan(0.02);
    for (const type of ['EventCorrected', 'EventRetracted']) {
      expect(share((p) => has(p, type))).toBeGreaterThan(0.01);
      expect(share((p) => has(p, type))).toBeLessThan(0.1);
    }
    for (const c of ofType('EventCorrected')) expect(c.data['replacement']).toHaveProperty('occurredAt');
  });

  it('records facts late: retroactive history before entry, and facts entered after later ones', () => {
    const retroactive = share((p) => p.slice(1).some((l) => certainlyBefore(parseValidTime(l.occurredAt), parseValidTime(p[0]!.occurredAt))));
    expect(retroactive).toBeGreaterThan(0.1);
    expect(share((p) => p.some((l) => l.note === 'told later, at an interview'))).toBeGreaterThan(0.05);
  });

  it('renders as a parcours: the projection folds every path without failing', () => {
    for (const person of persons.slice(0, 200)) {
      const events = parseAll(person.map(({ person: _, ...input }) => input), 'events');
      const inputs = events.map((e, revision) => ({ ...e, revision, recordedAt: new Date(Date.UTC(2025, 0, 1, 0, 0, revision)).toISOString() }));
      const view = renderParcours(foldParcours(person[0]!.person, inputs), { now: new Date('2025-01-01T00:00:00Z') });
      expect(view).toBeDefined();
    }
  });
});

function isValid(date: string): boolean {
  try {
    parseValidTime(date);
    return true;
  } catch {
    return false;
  }
}
