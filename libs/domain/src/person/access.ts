import { catalogueEntry, type CONSENT_SCOPES, type IdentifiedPersonEvent } from './events.js';
import { foldPerson } from './person-state.js';

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
  const state = foldPerson(history.map((h) => h.event));
  const organisations = new Set<string>();
  const registration = history.find((h) => h.event.type === 'PersonRegistered');
  if (registration?.recordedByOrganisationId) organisations.add(registration.recordedByOrganisationId.toLowerCase());
  const consents = new Set<ConsentScope>();
  for (const fact of state.facts.values()) {
    if (fact.retracted) continue;
    for (const id of organisationIdsOf(fact.type, fact.data)) organisations.add(id.toLowerCase());
    const scope = fact.data['scope'] as ConsentScope | undefined;
    if (fact.type === 'ConsentRecorded' && scope) consents.add(scope);
    if (fact.type === 'ConsentWithdrawn' && scope) consents.delete(scope);
  }
  return { exists: state.registered, erased: state.erased, organisations, consents };
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
