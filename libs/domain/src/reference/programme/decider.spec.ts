import { describe, expect, it } from '@jest/globals';
import { NotFoundError } from '../../errors.js';
import { parseReferenceEvent } from '../catalogue.js';
import { decideProgramme, foldProgramme, programmePeriodsInOrder, type ProgrammeCommand } from './decider.js';
import { PROGRAMME_EVENT_CATALOGUE, type ProgrammeEvent, type ProgrammeEventOf } from './events.js';

const organisationId = '0190c1e4-0000-7000-8000-0000000000a1';
const ids = ['0190c1e4-0000-7000-8000-0000000000d1', '0190c1e4-0000-7000-8000-0000000000d2', '0190c1e4-0000-7000-8000-0000000000d3'] as const;

const defined: ProgrammeEventOf<'ProgrammeDefined'> = { type: 'ProgrammeDefined', data: { name: 'Article 23', organisationId } };
const period = (periodId: string, label: string, from: string, to: string, order: number): ProgrammeEventOf<'CanvasPeriodDefined'> => ({
  type: 'CanvasPeriodDefined',
  data: { periodId, label, from, to, order },
});
// Article 23's canvas.
const before2000 = period(ids[0], 'Parcours avant 2000', '..', '1999', 1);
const activation = period(ids[1], 'De 2000 à 2008 : projets Activation', '2000', '2008', 2);
const current = period(ids[2], 'De 2009 à 2012 : projet actuel', '2009', '2012', 3);
const other = '0190c1e4-0000-7000-8000-0000000000e9';
const removed = (periodId: string): ProgrammeEvent => ({ type: 'CanvasPeriodRemoved', data: { periodId } });
const definePeriod = (event: ProgrammeEventOf<'CanvasPeriodDefined'>): ProgrammeCommand => ({ type: 'DefineCanvasPeriod', event });

/** given the past events, when the command is decided, then the new events (or the error). */
const given = (...history: ProgrammeEvent[]) => ({
  when: (command: ProgrammeCommand) => () => decideProgramme(command, foldProgramme(history)),
});

describe('programme decider', () => {
  it('given nothing, when defined with a registered organisation, then ProgrammeDefined', () => {
    expect(given().when({ type: 'DefineProgramme', event: defined, organisationRegistered: true })()).toEqual([defined]);
  });

  it('given nothing, when defined with an unknown organisation, then PROGRAMME_ORGANISATION_NOT_FOUND', () => {
    expect(given().when({ type: 'DefineProgramme', event: defined, organisationRegistered: false })).toThrow(
      expect.objectContaining({ code: 'PROGRAMME_ORGANISATION_NOT_FOUND' }),
    );
  });

  it('given a programme, when defined again, then PROGRAMME_ALREADY_DEFINED', () => {
    expect(given(defined).when({ type: 'DefineProgramme', event: defined, organisationRegistered: true })).toThrow(
      expect.objectContaining({ code: 'PROGRAMME_ALREADY_DEFINED' }),
    );
  });

  it('given no programme, when a period is defined, then PROGRAMME_NOT_FOUND (a 404)', () => {
    expect(given().when(definePeriod(before2000))).toThrow(NotFoundError);
  });

  it("given Article 23's first two periods, when the third is defined, then it is accepted and read in order", () => {
    expect(given(defined, current, before2000).when(definePeriod(activation))()).toEqual([activation]);
    const state = foldProgramme([defined, current, before2000, activation]);
    expect(programmePeriodsInOrder(state).map((p) => p.label)).toEqual([before2000.data.label, activation.data.label, current.data.label]);
    expect(programmePeriodsInOrder(state)[0]!.span).toMatchObject({ lower: null, upper: '1999-12-31T23:59:59.999Z' });
  });

  it('given 2000/2008, when 2008/2012 is defined, then CANVAS_PERIODS_OVERLAP (they share 2008)', () => {
    expect(given(defined, activation).when(definePeriod(period(other, 'Later', '2008', '2012', 3)))).toThrow(
      expect.objectContaining({ code: 'CANVAS_PERIODS_OVERLAP', details: { periodId: ids[1] } }),
    );
  });

  it('given an open start ../1999, when 1995/1998 is defined, then CANVAS_PERIODS_OVERLAP', () => {
    expect(given(defined, before2000).when(definePeriod(period(other, 'Années 90', '1995', '1998', 0)))).toThrow(
      expect.objectContaining({ code: 'CANVAS_PERIODS_OVERLAP' }),
    );
  });

  it('given a label, when another period takes it with other case and spacing, then CANVAS_PERIOD_LABEL_TAKEN', () => {
    expect(given(defined, before2000).when(definePeriod(period(other, '  parcours  AVANT 2000', '2020', '..', 9)))).toThrow(
      expect.objectContaining({ code: 'CANVAS_PERIOD_LABEL_TAKEN' }),
    );
  });

  it('given nothing, when a period ends before it starts, then CANVAS_PERIOD_ENDS_BEFORE_START', () => {
    expect(given(defined).when(definePeriod(period(other, 'Backwards', '2012', '2009', 1)))).toThrow(
      expect.objectContaining({ code: 'CANVAS_PERIOD_ENDS_BEFORE_START' }),
    );
  });

  it('given a period, when its id is defined again, then CANVAS_PERIOD_ALREADY_DEFINED, even after removal', () => {
    const again = period(ids[0], 'Elsewhere', '2030', '2031', 1);
    expect(given(defined, before2000).when(definePeriod(again))).toThrow(expect.objectContaining({ code: 'CANVAS_PERIOD_ALREADY_DEFINED' }));
    expect(given(defined, before2000, removed(ids[0])).when(definePeriod(again))).toThrow(expect.objectContaining({ code: 'CANVAS_PERIOD_ALREADY_DEFINED' }));
  });

  it('given a period, when removed, then CanvasPeriodRemoved and its span and label are free again', () => {
    expect(given(defined, activation).when({ type: 'RemoveCanvasPeriod', event: { type: 'CanvasPeriodRemoved', data: { periodId: ids[1] } } })()).toHaveLength(1);
    const reused = period(other, activation.data.label, '2000', '2008', 2);
    expect(given(defined, activation, removed(ids[1])).when(definePeriod(reused))()).toEqual([reused]);
  });

  it('given no such period, when removed, then CANVAS_PERIOD_NOT_FOUND (a 404)', () => {
    expect(given(defined).when({ type: 'RemoveCanvasPeriod', event: { type: 'CanvasPeriodRemoved', data: { periodId: other } } })).toThrow(NotFoundError);
  });
});

describe('programme events schema', () => {
  it('accepts ".." as an open bound and refuses intervals or prose, naming the field', () => {
    expect(() => parseReferenceEvent(PROGRAMME_EVENT_CATALOGUE, 'CanvasPeriodDefined', before2000.data)).not.toThrow();
    expect(() => parseReferenceEvent(PROGRAMME_EVENT_CATALOGUE, 'CanvasPeriodDefined', { ...before2000.data, from: 'the nineties', to: '2000/2001' })).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ field: 'from', rule: 'edtfOrOpen' }), expect.objectContaining({ field: 'to', rule: 'edtfOrOpen' })],
      }),
    );
  });
});
