import { catalogueEntry, type CONSENT_SCOPES, type IdentifiedPersonEvent } from './events.js';
import { foldPerson, type PersonState } from './person-state.js';

export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** What access rules need to know about a person, from their stream (DOMAIN.md §8). */
export interface PersonAccessFacts {
  readonly exists: boolean;
  readonly erased: boolean;
  /** Organisations that registered the person, received a referral for them, or have an episode with them. */
  readonly organisations: ReadonlySet<string>;
  /** Scopes whose last standing consent fact, in recording order, is a ConsentRecorded. */
  readonly consents: ReadonlySet<ConsentScope>;
}

/** A person event with the organisation of the user who recorded it (event metadata). */
export interface RecordedPersonEvent {
  readonly event: IdentifiedPersonEvent;
  readonly recordedByOrganisationId: string | null;
}

/**
 * Access facts from a person's history. Consent is read in recording order (not valid-time
 * order): a withdrawal takes effect from the moment it is recorded, whatever date it carries.
 */
export function personAccessFacts(history: readonly RecordedPersonEvent[]): PersonAccessFacts {
  const registration = history.find((h) => h.event.type === 'PersonRegistered');
  return accessFactsOf(foldPerson(history.map((h) => h.event)), registration?.recordedByOrganisationId ?? null);
}

/**
 * The same facts from a folded state (facts are kept in recording order, corrections in place)
 * and the organisation that recorded the registration: what a cached decision state holds, so an
 * access check need not fold the history again.
 */
export function accessFactsOf(state: PersonState, registeredByOrganisationId: string | null): PersonAccessFacts {
  return accessFactsFrom(state.facts.values(), { exists: state.registered, erased: state.erased }, registeredByOrganisationId);
}

/** A fact as both folds keep it (the decider's state, the parcours read model): current content, standing or not. */
export interface AccessRelevantFact {
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly retracted: boolean;
}

/**
 * The rule itself, over facts in recording order: shared by `accessFactsOf` and the parcours read
 * model's `parcoursAccessFacts`, so the two sources cannot drift apart.
 */
export function accessFactsFrom(
  facts: Iterable<AccessRelevantFact>,
  status: { readonly exists: boolean; readonly erased: boolean },
  registeredByOrganisationId: string | null,
): PersonAccessFacts {
  const organisations = new Set<string>();
  if (registeredByOrganisationId) organisations.add(registeredByOrganisationId.toLowerCase());
  const consents = new Set<ConsentScope>();
  for (const fact of facts) {
    if (fact.retracted) continue;
    for (const id of organisationIdsOf(fact.type, fact.data)) organisations.add(id.toLowerCase());
    const scope = fact.data['scope'] as ConsentScope | undefined;
    if (fact.type === 'ConsentRecorded' && scope) consents.add(scope);
    if (fact.type === 'ConsentWithdrawn' && scope) consents.delete(scope);
  }
  return { exists: status.exists, erased: status.erased, organisations, consents };
}

/** Ids of the person's clinical events (the care lane), retracted or not. */
export function careEventIdsOf(state: PersonState): Set<string> {
  const ids = new Set<string>();
  for (const [eventId, fact] of state.facts) if (catalogueEntry(fact.type).field === 'care') ids.add(eventId);
  return ids;
}

/** Organisations an event involves: where an episode happens, and whom a referral goes to. */
function organisationIdsOf(type: string, data: Record<string, unknown>): string[] {
  const ids: string[] = [];
  const own = (data['organisation'] as { organisationId?: string } | undefined)?.organisationId;
  if (own) ids.push(own);
  if (type === 'ReferralMade') {
    const to = (data['to'] as { organisationId?: string } | undefined)?.organisationId;
    if (to) ids.push(to);
  }
  return ids;
}

/** Clinical events: the care lane of the catalogue. */
export function isCareEvent(event: IdentifiedPersonEvent): boolean {
  return catalogueEntry(event.type).field === 'care';
}

/**
 * A history without its clinical events, for organisations that may not see them (DOMAIN.md §8:
 * job-side staff do not handle consumption matters). Corrections and retractions of a hidden
 * event are hidden with it, since they would carry or reveal its content.
 */
export function withoutCareEvents<T extends IdentifiedPersonEvent>(history: readonly T[]): T[] {
  const hidden = new Set<string>();
  const kept: T[] = [];
  for (const event of history) {
    const target = event.type === 'EventCorrected' || event.type === 'EventRetracted' ? (event.data as { targetEventId: string }).targetEventId : undefined;
    if (target !== undefined ? hidden.has(target) : isCareEvent(event)) {
      hidden.add(event.eventId);
      continue;
    }
    kept.push(event);
  }
  return kept;
}
