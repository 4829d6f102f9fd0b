import { DomainError, NotFoundError } from '../../errors.js';
import { certainlyBefore, parseValidTime } from '../../time/valid-time.js';
import type { ReferenceDecider } from '../catalogue.js';
import {
  ORGANISATION_CATEGORY,
  ORGANISATION_EVENT_CATALOGUE,
  type OrganisationEvent,
  type OrganisationEventData,
  type OrganisationEventOf,
} from './events.js';

/**
 * The organisation decider. Conventions are recorded on the stream of the organisation that
 * records them; the partner only has to exist (the caller looks it up: one stream, one decider).
 */

export type OrganisationCommand =
  | { readonly type: 'RegisterOrganisation'; readonly event: OrganisationEventOf<'OrganisationRegistered'> }
  | { readonly type: 'RenameOrganisation'; readonly event: OrganisationEventOf<'OrganisationRenamed'> }
  | {
      readonly type: 'SignConvention';
      readonly event: OrganisationEventOf<'ConventionSigned'>;
      /** The id of this organisation's stream: a convention with oneself is refused. */
      readonly organisationId: string;
      /** Whether `withOrganisationId` names a registered organisation. */
      readonly partnerRegistered: boolean;
    }
  | { readonly type: 'EndConvention'; readonly event: OrganisationEventOf<'ConventionEnded'> };

export interface OrganisationConvention extends OrganisationEventData<'ConventionSigned'> {
  /** When it ended (EDTF), once ConventionEnded is recorded. */
  readonly endedAt?: string;
}

export interface OrganisationState {
  /** The registration, current name included; undefined until OrganisationRegistered. */
  readonly profile: OrganisationEventData<'OrganisationRegistered'> | undefined;
  /** Earlier names, oldest first: records made under an old name stay recognisable. */
  readonly formerNames: readonly string[];
  readonly conventions: ReadonlyMap<string, OrganisationConvention>;
}

export const initialOrganisationState: OrganisationState = { profile: undefined, formerNames: [], conventions: new Map() };

export function evolveOrganisation(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationRegistered':
      return { ...state, profile: event.data };
    case 'OrganisationRenamed':
      if (!state.profile) return state;
      return { ...state, profile: { ...state.profile, name: event.data.name }, formerNames: [...state.formerNames, state.profile.name] };
    case 'ConventionSigned':
      return { ...state, conventions: new Map(state.conventions).set(event.data.conventionId, event.data) };
    case 'ConventionEnded': {
      const convention = state.conventions.get(event.data.conventionId);
      if (!convention) return state;
      return { ...state, conventions: new Map(state.conventions).set(event.data.conventionId, { ...convention, endedAt: event.data.at }) };
    }
  }
}

export function decideOrganisation(command: OrganisationCommand, state: OrganisationState): OrganisationEvent[] {
  if (command.type === 'RegisterOrganisation') {
    if (state.profile) throw new DomainError('ORGANISATION_ALREADY_REGISTERED', 'This organisation is already registered');
    return [command.event];
  }
  if (!state.profile) throw new NotFoundError('ORGANISATION_NOT_FOUND', 'No organisation is registered with this id');
  switch (command.type) {
    case 'RenameOrganisation':
      if (command.event.data.name === state.profile.name) {
        throw new DomainError('ORGANISATION_NAME_UNCHANGED', `The organisation is already named ${JSON.stringify(state.profile.name)}`);
      }
      return [command.event];
    case 'SignConvention':
      checkConvention(command, state);
      return [command.event];
    case 'EndConvention': {
      const { conventionId, at } = command.event.data;
      const convention = state.conventions.get(conventionId);
      if (!convention) throw new NotFoundError('CONVENTION_NOT_FOUND', `This organisation has no convention ${conventionId}`, { conventionId });
      if (convention.endedAt !== undefined) {
        throw new DomainError('CONVENTION_ALREADY_ENDED', `Convention ${conventionId} already ended (${convention.endedAt})`, { conventionId });
      }
      if (certainlyBefore(parseValidTime(at), parseValidTime(convention.since))) {
        throw new DomainError('CONVENTION_END_BEFORE_START', `Convention ${conventionId} cannot end (${at}) before it started (${convention.since})`, {
          conventionId,
        });
      }
      return [command.event];
    }
  }
}

function checkConvention(command: Extract<OrganisationCommand, { type: 'SignConvention' }>, state: OrganisationState): void {
  const { conventionId, withOrganisationId, since, until } = command.event.data;
  if (withOrganisationId === command.organisationId) {
    throw new DomainError('CONVENTION_WITH_ITSELF', 'An organisation cannot sign a convention with itself', { withOrganisationId });
  }
  if (!command.partnerRegistered) {
    throw new DomainError('CONVENTION_PARTNER_NOT_FOUND', `No organisation is registered with id ${withOrganisationId}`, { withOrganisationId });
  }
  if (state.conventions.has(conventionId)) {
    throw new DomainError('CONVENTION_ALREADY_SIGNED', `Convention ${conventionId} is already recorded: a convention id is signed once`, { conventionId });
  }
  if (until !== undefined && certainlyBefore(parseValidTime(until), parseValidTime(since))) {
    throw new DomainError('CONVENTION_UNTIL_BEFORE_SINCE', `A convention cannot run until ${until}, before it starts (${since})`, { conventionId });
  }
}

export function foldOrganisation(events: Iterable<OrganisationEvent>): OrganisationState {
  let state = initialOrganisationState;
  for (const event of events) state = evolveOrganisation(state, event);
  return state;
}

export const organisationDecider: ReferenceDecider<OrganisationEvent, OrganisationState, OrganisationCommand> = {
  category: ORGANISATION_CATEGORY,
  catalogue: ORGANISATION_EVENT_CATALOGUE,
  initialState: initialOrganisationState,
  decide: decideOrganisation,
  evolve: evolveOrganisation,
};
