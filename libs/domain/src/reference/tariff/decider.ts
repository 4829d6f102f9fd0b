import { DomainError, NotFoundError } from '../../errors.js';
import type { ReferenceDecider } from '../catalogue.js';
import { TARIFF_CATEGORY, TARIFF_EVENT_CATALOGUE, type TariffEvent, type TariffEventData, type TariffEventOf } from './events.js';

/**
 * The tariff decider. A tariff is set, may be set again (a corrected amount, a known end date),
 * and once withdrawn stays as it was: costs computed with it must remain explainable.
 */

export type TariffCommand =
  | {
      /** Sets a new tariff: the stream must not exist yet. */
      readonly type: 'CreateTariff';
      readonly event: TariffEventOf<'TariffSet'>;
      /** Whether `organisationId`, when given, names a registered organisation. */
      readonly organisationRegistered: boolean;
    }
  | { readonly type: 'ChangeTariff'; readonly event: TariffEventOf<'TariffSet'>; readonly organisationRegistered: boolean }
  | { readonly type: 'WithdrawTariff'; readonly event: TariffEventOf<'TariffWithdrawn'> };

export interface TariffState {
  /** The latest TariffSet; undefined until the first. */
  readonly current: TariffEventData<'TariffSet'> | undefined;
  /** How many times it was set (1 for a tariff never changed). */
  readonly versions: number;
  readonly withdrawn: TariffEventData<'TariffWithdrawn'> | undefined;
}

export const initialTariffState: TariffState = { current: undefined, versions: 0, withdrawn: undefined };

export function evolveTariff(state: TariffState, event: TariffEvent): TariffState {
  switch (event.type) {
    case 'TariffSet':
      return { ...state, current: event.data, versions: state.versions + 1 };
    case 'TariffWithdrawn':
      return { ...state, withdrawn: event.data };
  }
}

export function decideTariff(command: TariffCommand, state: TariffState): TariffEvent[] {
  if (command.type === 'CreateTariff') {
    if (state.current) throw new DomainError('TARIFF_ALREADY_EXISTS', 'A tariff already exists with this id: change it instead');
    checkTariffSet(command.event.data, command.organisationRegistered);
    return [command.event];
  }
  if (!state.current) throw new NotFoundError('TARIFF_NOT_FOUND', 'No tariff exists with this id');
  if (state.withdrawn) {
    throw new DomainError('TARIFF_WITHDRAWN', `This tariff was withdrawn on ${state.withdrawn.at} and can no longer change`, { withdrawnAt: state.withdrawn.at });
  }
  if (command.type === 'ChangeTariff') checkTariffSet(command.event.data, command.organisationRegistered);
  return [command.event];
}

function checkTariffSet(data: TariffEventData<'TariffSet'>, organisationRegistered: boolean): void {
  // ISO dates YYYY-MM-DD compare as strings.
  if (data.validTo !== undefined && data.validTo < data.validFrom) {
    throw new DomainError('TARIFF_VALID_TO_BEFORE_VALID_FROM', `validTo (${data.validTo}) cannot be before validFrom (${data.validFrom})`);
  }
  if (data.organisationId !== undefined && !organisationRegistered) {
    throw new DomainError('TARIFF_ORGANISATION_NOT_FOUND', `No organisation is registered with id ${data.organisationId}`, {
      organisationId: data.organisationId,
    });
  }
}

export function foldTariff(events: Iterable<TariffEvent>): TariffState {
  let state = initialTariffState;
  for (const event of events) state = evolveTariff(state, event);
  return state;
}

export const tariffDecider: ReferenceDecider<TariffEvent, TariffState, TariffCommand> = {
  category: TARIFF_CATEGORY,
  catalogue: TARIFF_EVENT_CATALOGUE,
  initialState: initialTariffState,
  decide: decideTariff,
  evolve: evolveTariff,
};
