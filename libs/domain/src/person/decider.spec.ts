import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '../errors.js';
import { decide, episodesOf, foldPerson } from './decider.js';
import type { IdentifiedPersonEvent, PersonEventOf } from './events.js';

let n = 0;
const nextId = () => `018f0000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
const ev = <T extends IdentifiedPersonEvent['type']>(type: T, data: Omit<PersonEventOf<T>['data'], 'provenance'>, eventId = nextId()) =>
  ({ type, eventId, data: { provenance: 'interview', ...data } }) as unknown as IdentifiedPersonEvent;

const registered = ev('PersonRegistered', { occurredAt: '2003', pseudonym: 'Chris', birthYear: 1980, gender: 'male' });
const EP = '018f0000-00e1-7000-8000-000000000001';
const careStart = ev('CareEpisodeStarted', { occurredAt: '2003', episodeId: EP, setting: 'addiction_outpatient' });
const careEnd = (occurredAt: string, episodeId = EP) => ev('CareEpisodeEnded', { occurredAt, episodeId });

/** given the past events, when the command is decided, then the new events (or the error). */
const given = (...history: IdentifiedPersonEvent[]) => ({
  whenRecorded: (...events: IdentifiedPersonEvent[]) => () => decide({ type: 'RecordPersonEvents', events }, foldPerson(history)),
});
const rule = (code: string) => expect.objectContaining({ code });

describe('person decider', () => {
  describe('registration', () => {
    it('given nothing, when a person is registered, then PersonRegistered', () => {
      const event = registered as PersonEventOf<'PersonRegistered'> & { eventId: string };
      expect(decide({ type: 'RegisterPerson', event }, foldPerson([]))).toEqual([registered]);
    });
    it('given a registered person, when registered again, then PERSON_ALREADY_REGISTERED', () => {
      const event = registered as PersonEventOf<'PersonRegistered'> & { eventId: string };
      expect(() => decide({ type: 'RegisterPerson', event }, foldPerson([registered]))).toThrow(rule('PERSON_ALREADY_REGISTERED'));
    });
    it('given no person, when an event is recorded, then PERSON_NOT_FOUND', () => {
      expect(given().whenRecorded(careStart)).toThrow(NotFoundError);
    });
  });

  describe('episodes', () => {
    it('given an open care episode, when it ends later, then CareEpisodeEnded', () => {
      const end = careEnd('2005');
      expect(given(registered, careStart).whenRecorded(end)()).toEqual([end]);
    });
    it('given no start, when an episode ends, then EPISODE_NOT_STARTED', () => {
      expect(given(registered).whenRecorded(careEnd('2005'))).toThrow(rule('EPISODE_NOT_STARTED'));
    });
    it('given a start in 2003, when the end is dated 2002, then EPISODE_END_BEFORE_START', () => {
      expect(given(registered, careStart).whenRecorded(careEnd('2002'))).toThrow(rule('EPISODE_END_BEFORE_START'));
    });
    it('given a start in 2003, when the end shares the vague year (2003-06), then it is accepted: bounds overlap', () => {
      expect(given(registered, careStart).whenRecorded(careEnd('2003-06'))()).toHaveLength(1);
    });
    it('given a start in "early 2009", when the end is "2009", then it is accepted', () => {
      const start = ev('RehabilitationStarted', { occurredAt: '2009-40', episodeId: EP });
      const end = ev('RehabilitationEnded', { occurredAt: '2009', episodeId: EP, outcome: 'interrupted', reason: 'instability, absences' });
      expect(given(registered, start).whenRecorded(end)()).toEqual([end]);
    });
    it('given a hospital stay, when a training end names its episode id, then EPISODE_KIND_MISMATCH', () => {
      const admitted = ev('HospitalAdmitted', { occurredAt: '2004', episodeId: EP, kind: 'general' });
      expect(given(registered, admitted).whenRecorded(ev('TrainingEnded', { occurredAt: '2005', episodeId: EP, outcome: 'failed' }))).toThrow(
        rule('EPISODE_KIND_MISMATCH'),
      );
    });
    it('given an ended episode, when it ends again, then EPISODE_ALREADY_ENDED; started again: EPISODE_ALREADY_STARTED', () => {
      expect(given(registered, careStart, careEnd('2004')).whenRecorded(careEnd('2005'))).toThrow(rule('EPISODE_ALREADY_ENDED'));
      expect(given(registered, careStart).whenRecorded({ ...careStart, eventId: nextId() })).toThrow(rule('EPISODE_ALREADY_STARTED'));
    });
    it('given a batch starting and ending an episode, then the end sees the start of the same batch', () => {
      expect(given(registered).whenRecorded(careStart, careEnd('2004'))()).toHaveLength(2);
    });
    it('accepts overlaps: a relapse during a training, a hospital stay during a job, two care episodes at once', () => {
      const training = ev('TrainingStarted', { occurredAt: '2007', episodeId: nextId(), setting: 'ordinary' });
      const relapse = ev('RelapseOccurred', { occurredAt: '2007', episodeId: nextId(), context: 'during_training' });
      const job = ev('Hired', { occurredAt: '2012', episodeId: nextId(), employer: { name: 'CPAS' }, contract: 'cdd', labourMarket: 'first' });
      const stay = ev('HospitalAdmitted', { occurredAt: '2012-05', episodeId: nextId(), kind: 'psychiatric' });
      const second = ev('CareEpisodeStarted', { occurredAt: '2005', episodeId: nextId(), setting: 'harm_reduction' });
      expect(given(registered, careStart).whenRecorded(training, relapse, job, stay, second)()).toHaveLength(5);
    });
    it('accepts retroactive events anywhere in valid time', () => {
      const early = ev('HousingStatusChanged', { occurredAt: '1999', status: 'street' });
      expect(given(registered, careStart, careEnd('2010')).whenRecorded(early)()).toEqual([early]);
    });
  });

  describe('birth and erasure', () => {
    it('given a person born in 1980, when something is dated 1975, then BEFORE_BIRTH', () => {
      expect(given(registered).whenRecorded(ev('NarrativeRecorded', { occurredAt: '1975', text: 'too early' }))).toThrow(rule('BEFORE_BIRTH'));
    });
    it('given an erased person, when anything is recorded, then PERSON_ERASED', () => {
      const erased = ev('PersonErased', { occurredAt: '2020', reason: 'request' });
      expect(given(registered, erased).whenRecorded(ev('NarrativeRecorded', { occurredAt: '2021', text: 'x' }))).toThrow(rule('PERSON_ERASED'));
    });
  });

  describe('ordering hint', () => {
    it('accepts "after" naming an event of this person, refuses an unknown one', () => {
      const relapse = ev('RelapseOccurred', { occurredAt: '2007', episodeId: nextId(), after: careStart.eventId });
      expect(given(registered, careStart).whenRecorded(relapse)()).toEqual([relapse]);
      const dangling = ev('RelapseOccurred', { occurredAt: '2007', episodeId: nextId(), after: nextId() });
      expect(given(registered, careStart).whenRecorded(dangling)).toThrow(rule('UNKNOWN_AFTER_EVENT'));
    });
  });

  describe('corrections and retractions', () => {
    const correct = (target: IdentifiedPersonEvent, replacement: Record<string, unknown>) =>
      ev('EventCorrected', { occurredAt: '2012-11', targetEventId: target.eventId, replacement, reason: 'hospital record' });
    const retract = (target: IdentifiedPersonEvent) => ev('EventRetracted', { occurredAt: '2012-11', targetEventId: target.eventId, reason: 'wrong person' });

    it('given an event, when it is corrected with valid data, then EventCorrected carries the parsed replacement', () => {
      const correction = correct(careStart, { ...careStart.data, occurredAt: '2003-09' });
      const [decided] = given(registered, careStart).whenRecorded(correction)();
      expect(decided).toMatchObject({ type: 'EventCorrected', data: { replacement: { occurredAt: '2003-09', setting: 'addiction_outpatient' } } });
    });
    it('refuses a replacement that does not fit the target type, naming the fields under data.replacement', () => {
      expect(given(registered, careStart).whenRecorded(correct(careStart, { ...careStart.data, setting: 'spa' }))).toThrow(
        expect.objectContaining({ issues: [expect.objectContaining({ field: 'data.replacement.setting' })] }),
      );
    });
    it('refuses a correction that would put an end before its start', () => {
      const end = careEnd('2005');
      expect(given(registered, careStart, end).whenRecorded(correct(careStart, { ...careStart.data, occurredAt: '2007' }))).toThrow(
        rule('EPISODE_END_BEFORE_START'),
      );
    });
    it('refuses to move an event to another episode', () => {
      expect(given(registered, careStart).whenRecorded(correct(careStart, { ...careStart.data, episodeId: nextId() }))).toThrow(rule('EPISODE_ID_CHANGED'));
    });
    it('refuses unknown or retracted targets, and retracting the registration', () => {
      const ghost = { ...careStart, eventId: nextId() };
      expect(given(registered).whenRecorded(retract(ghost))).toThrow(rule('TARGET_NOT_FOUND'));
      expect(given(registered, careStart, retract(careStart)).whenRecorded(retract(careStart))).toThrow(rule('TARGET_RETRACTED'));
      expect(given(registered).whenRecorded(retract(registered))).toThrow(rule('CANNOT_RETRACT_REGISTRATION'));
    });
    it('refuses retracting a start whose end still stands; retracting the end first works', () => {
      const end = careEnd('2005');
      expect(given(registered, careStart, end).whenRecorded(retract(careStart))).toThrow(rule('EPISODE_NOT_STARTED'));
      expect(given(registered, careStart, end).whenRecorded(retract(end), retract(careStart))()).toHaveLength(2);
    });
    it('given a retracted start, the episode no longer counts, and the same episode id can start again', () => {
      const state = foldPerson([registered, careStart, retract(careStart)]);
      expect(episodesOf(state).has(EP)).toBe(false);
      expect(given(registered, careStart, retract(careStart)).whenRecorded({ ...careStart, eventId: nextId() })()).toHaveLength(1);
    });
    it('given a corrected birth year, later rules use it', () => {
      const fix = correct(registered, { ...registered.data, birthYear: 1990 });
      expect(given(registered, fix).whenRecorded(ev('NarrativeRecorded', { occurredAt: '1985', text: 'x' }))).toThrow(rule('BEFORE_BIRTH'));
    });
  });
});
