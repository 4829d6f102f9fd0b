import { describe, expect, it } from '@jest/globals';
import { DomainError, NotFoundError } from '../errors.js';
import { decide, foldPerson } from './decider.js';
import type { PersonEvent } from './events.js';

const registered: PersonEvent = { type: 'PersonRegistered', data: { occurredAt: '2003', pseudonym: 'Chris', birthYear: 1980, gender: 'male' } };
const episode = '0190c1e4-0000-7000-8000-000000000001';
const started: PersonEvent = { type: 'CareEpisodeStarted', data: { occurredAt: '2003', episodeId: episode, setting: 'addiction_outpatient' } };
const ended = (occurredAt: string): PersonEvent => ({ type: 'CareEpisodeEnded', data: { occurredAt, episodeId: episode } });

/** given the past events, when the command is decided, then the new events (or the error). */
const given = (...history: PersonEvent[]) => ({
  when: (command: Parameters<typeof decide>[0]) => () => decide(command, foldPerson(history)),
});

describe('person decider', () => {
  it('given nothing, when a person is registered, then PersonRegistered', () => {
    expect(given().when({ type: 'RegisterPerson', event: registered as never })()).toEqual([registered]);
  });

  it('given a registered person, when registered again, then PERSON_ALREADY_REGISTERED', () => {
    expect(given(registered).when({ type: 'RegisterPerson', event: registered as never })).toThrow(
      expect.objectContaining({ code: 'PERSON_ALREADY_REGISTERED' }),
    );
  });

  it('given no person, when an event is recorded, then PERSON_NOT_FOUND', () => {
    expect(given().when({ type: 'RecordPersonEvents', events: [started] })).toThrow(NotFoundError);
  });

  it('given an open care episode, when it ends later, then CareEpisodeEnded', () => {
    expect(given(registered, started).when({ type: 'RecordPersonEvents', events: [ended('2005')] })()).toEqual([ended('2005')]);
  });

  it('given no start, when an episode ends, then EPISODE_NOT_STARTED', () => {
    expect(given(registered).when({ type: 'RecordPersonEvents', events: [ended('2005')] })).toThrow(
      expect.objectContaining({ code: 'EPISODE_NOT_STARTED' }),
    );
  });

  it('given a start in 2003, when the end is dated 2002, then EPISODE_END_BEFORE_START', () => {
    expect(given(registered, started).when({ type: 'RecordPersonEvents', events: [ended('2002')] })).toThrow(
      expect.objectContaining({ code: 'EPISODE_END_BEFORE_START' }),
    );
  });

  it('given a start in 2003, when the end shares the vague year 2003, then it is accepted (bounds overlap)', () => {
    expect(given(registered, started).when({ type: 'RecordPersonEvents', events: [ended('2003-06')] })()).toHaveLength(1);
  });

  it('given a batch starting and ending an episode, then the end sees the start of the same batch', () => {
    expect(given(registered).when({ type: 'RecordPersonEvents', events: [started, ended('2004')] })()).toHaveLength(2);
  });

  it('given a person born in 1980, when something is dated 1975, then BEFORE_BIRTH', () => {
    const narrative: PersonEvent = { type: 'NarrativeRecorded', data: { occurredAt: '1975', text: 'too early' } };
    expect(given(registered).when({ type: 'RecordPersonEvents', events: [narrative] })).toThrow(DomainError);
  });

  it('given an episode id already started, when it starts again, then EPISODE_ALREADY_STARTED', () => {
    expect(given(registered, started).when({ type: 'RecordPersonEvents', events: [started] })).toThrow(
      expect.objectContaining({ code: 'EPISODE_ALREADY_STARTED' }),
    );
  });
});
