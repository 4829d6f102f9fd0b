import { DomainError, NotFoundError } from '../../errors.js';
import { certainlyBefore, mayOverlap, parseValidTime, type ValidTime } from '../../time/valid-time.js';
import type { ReferenceDecider } from '../catalogue.js';
import { OPEN_BOUND } from '../reference-fields.js';
import { PROGRAMME_CATEGORY, PROGRAMME_EVENT_CATALOGUE, type ProgrammeEvent, type ProgrammeEventData, type ProgrammeEventOf } from './events.js';

/**
 * The programme decider. A canvas cuts time into periods an interview walks through, so periods
 * must not overlap (compared on their EDTF bounds: 2000/2008 and 2008/2012 share 2008) and each
 * label names one period.
 */

export type ProgrammeCommand =
  | {
      readonly type: 'DefineProgramme';
      readonly event: ProgrammeEventOf<'ProgrammeDefined'>;
      /** Whether `organisationId`, when given, names a registered organisation. */
      readonly organisationRegistered: boolean;
    }
  | { readonly type: 'DefineCanvasPeriod'; readonly event: ProgrammeEventOf<'CanvasPeriodDefined'> }
  | { readonly type: 'RemoveCanvasPeriod'; readonly event: ProgrammeEventOf<'CanvasPeriodRemoved'> };

export interface CanvasPeriod extends ProgrammeEventData<'CanvasPeriodDefined'> {
  /** The period as one EDTF interval `from/to`, with its bounds (null when open). */
  readonly span: ValidTime;
}

export interface ProgrammeState {
  readonly definition: ProgrammeEventData<'ProgrammeDefined'> | undefined;
  readonly periods: ReadonlyMap<string, CanvasPeriod>;
  /** Every period id ever defined, removed ones included: ids are not reused. */
  readonly usedPeriodIds: ReadonlySet<string>;
}

export const initialProgrammeState: ProgrammeState = { definition: undefined, periods: new Map(), usedPeriodIds: new Set() };

export function evolveProgramme(state: ProgrammeState, event: ProgrammeEvent): ProgrammeState {
  switch (event.type) {
    case 'ProgrammeDefined':
      return { ...state, definition: event.data };
    case 'CanvasPeriodDefined': {
      const period = { ...event.data, span: periodSpan(event.data.from, event.data.to) };
      return { ...state, periods: new Map(state.periods).set(period.periodId, period), usedPeriodIds: new Set(state.usedPeriodIds).add(period.periodId) };
    }
    case 'CanvasPeriodRemoved': {
      const periods = new Map(state.periods);
      periods.delete(event.data.periodId);
      return { ...state, periods };
    }
  }
}

export function decideProgramme(command: ProgrammeCommand, state: ProgrammeState): ProgrammeEvent[] {
  if (command.type === 'DefineProgramme') {
    if (state.definition) throw new DomainError('PROGRAMME_ALREADY_DEFINED', 'This programme is already defined');
    const { organisationId } = command.event.data;
    if (organisationId !== undefined && !command.organisationRegistered) {
      throw new DomainError('PROGRAMME_ORGANISATION_NOT_FOUND', `No organisation is registered with id ${organisationId}`, { organisationId });
    }
    return [command.event];
  }
  if (!state.definition) throw new NotFoundError('PROGRAMME_NOT_FOUND', 'No programme is defined with this id');
  switch (command.type) {
    case 'DefineCanvasPeriod':
      checkPeriod(command.event.data, state);
      return [command.event];
    case 'RemoveCanvasPeriod': {
      const { periodId } = command.event.data;
      if (!state.periods.has(periodId)) throw new NotFoundError('CANVAS_PERIOD_NOT_FOUND', `This programme has no period ${periodId}`, { periodId });
      return [command.event];
    }
  }
}

function checkPeriod(period: ProgrammeEventData<'CanvasPeriodDefined'>, state: ProgrammeState): void {
  const { periodId, from, to } = period;
  if (state.usedPeriodIds.has(periodId)) {
    throw new DomainError('CANVAS_PERIOD_ALREADY_DEFINED', `Period ${periodId} was already defined: a period id is used once`, { periodId });
  }
  if (from !== OPEN_BOUND && to !== OPEN_BOUND && certainlyBefore(parseValidTime(to), parseValidTime(from))) {
    throw new DomainError('CANVAS_PERIOD_ENDS_BEFORE_START', `A period cannot end (${to}) before it starts (${from})`, { periodId });
  }
  const label = normaliseLabel(period.label);
  const span = periodSpan(from, to);
  for (const other of state.periods.values()) {
    if (normaliseLabel(other.label) === label) {
      throw new DomainError('CANVAS_PERIOD_LABEL_TAKEN', `Another period of this programme is labelled ${JSON.stringify(other.label)}`, {
        periodId: other.periodId,
      });
    }
    if (mayOverlap(span, other.span)) {
      throw new DomainError('CANVAS_PERIODS_OVERLAP', `${from}/${to} overlaps the period ${JSON.stringify(other.label)} (${other.from}/${other.to})`, {
        periodId: other.periodId,
      });
    }
  }
}

/** Labels are compared as a reader would: case and spacing do not make two periods different. */
function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');
}

function periodSpan(from: string, to: string): ValidTime {
  return parseValidTime(`${from}/${to}`);
}

/** The canvas in reading order: by `order`, then by start (open starts first). */
export function programmePeriodsInOrder(state: ProgrammeState): CanvasPeriod[] {
  return [...state.periods.values()].sort((a, b) => a.order - b.order || (a.span.lower ?? '').localeCompare(b.span.lower ?? ''));
}

export function foldProgramme(events: Iterable<ProgrammeEvent>): ProgrammeState {
  let state = initialProgrammeState;
  for (const event of events) state = evolveProgramme(state, event);
  return state;
}

export const programmeDecider: ReferenceDecider<ProgrammeEvent, ProgrammeState, ProgrammeCommand> = {
  category: PROGRAMME_CATEGORY,
  catalogue: PROGRAMME_EVENT_CATALOGUE,
  initialState: initialProgrammeState,
  decide: decideProgramme,
  evolve: evolveProgramme,
};
