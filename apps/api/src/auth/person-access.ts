import { Inject, Injectable } from '@nestjs/common';
import { isCareEvent, NotFoundError, personAccessFacts, personStream, withoutProtected, type IdentifiedPersonEvent, type PersonAccessFacts } from '@parcours/domain';
import type { EventStore } from '@parcours/event-store';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { toPersonEvent } from '../persons/person-stream.repository.js';
import { ForbiddenError } from './auth-errors.js';
import { OrganisationDirectory } from './organisation-directory.js';
import type { Principal } from './principal.js';

/** How a caller may see one person's data, once allowed at all. */
export interface PersonVisibility {
  /** Clinical events (and their corrections) are left out: a non-care organisation without care-sharing consent. */
  readonly hideCare: boolean;
  /** Research view: no identity block, no free text, no names of the recording users. */
  readonly pseudonymised: boolean;
}

/**
 * Object-level authorisation for one person (docs/security.md): the route's role check says who
 * may call it at all; this says whether the caller may reach this person and what they may see.
 * Decided on the person's stream, read at the time of the request, so a referral, a consent or a
 * withdrawal counts from the moment it is recorded.
 */
@Injectable()
export class PersonAccess {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly organisations: OrganisationDirectory,
  ) {}

  private readonly cache = new Map<string, AccessEntry>();

  /** May this caller read the person, and how? */
  async forReading(principal: Principal, personId: string): Promise<PersonVisibility> {
    const facts = await this.facts(personId);
    if (principal.role === 'researcher') {
      if (!facts.consents.has('research')) throw new ForbiddenError(`Person ${personId} has not consented to research use of their data (or withdrew it)`);
      return { hideCare: false, pseudonymised: true };
    }
    if (principal.role === 'caseworker') return { hideCare: await this.careHidden(principal, personId, facts), pseudonymised: false };
    throw new ForbiddenError(`The ${principal.role} role may not read individual data`);
  }

  /**
   * May this caseworker record these events about the person? Only for a person in their
   * organisation's caseload; and an organisation that may not see clinical events may not
   * correct or retract them either (that would reveal or alter what it cannot see).
   */
  async forAppending(principal: Principal, personId: string, events: readonly { type: string; data?: unknown }[]): Promise<void> {
    if (principal.role !== 'caseworker') throw new ForbiddenError(`The ${principal.role} role may not record events about a person`);
    const facts = await this.facts(personId);
    if (!(await this.careHidden(principal, personId, facts))) return;
    const careIds = new Set(facts.careEventIds);
    for (const event of events) {
      const target = (event.data as { targetEventId?: unknown } | undefined)?.targetEventId;
      if ((event.type === 'EventCorrected' || event.type === 'EventRetracted') && typeof target === 'string' && careIds.has(target.toLowerCase())) {
        throw new ForbiddenError('Your organisation may not see clinical events of this person, so it may not correct or retract them');
      }
    }
  }

  private async careHidden(principal: Principal, personId: string, facts: PersonAccessFacts): Promise<boolean> {
    const organisation = principal.organisationId;
    // Not in the caseload: answered like an unknown id, so ids cannot be probed across organisations.
    if (organisation === null || !facts.organisations.has(organisation)) throw notFound(personId);
    if (facts.consents.has('care_sharing')) return false;
    return !(await this.organisations.isCareSide(organisation));
  }

  /**
   * Access facts from the person's stream, read at request time. What was read before is kept
   * (bounded, without free text) so a request reads only the events appended since: an access
   * check must not cost a full read, decryption and fold of the history on every append.
   */
  private async facts(personId: string): Promise<AccessEntry> {
    const cached = this.cache.get(personId);
    const history = cached ? [...cached.history] : [];
    const fromRevision = cached ? cached.revision + 1 : 0;
    let revision = cached?.revision ?? -1;
    for await (const recorded of this.store.readStream(personStream(personId), { fromRevision })) {
      const by = (recorded.metadata['recordedBy'] as { organisationId?: string | null } | undefined)?.organisationId ?? null;
      const event = toPersonEvent(recorded);
      history.push({ event: { ...event, data: withoutProtected(event.data as Record<string, unknown>) } as IdentifiedPersonEvent, recordedByOrganisationId: by });
      revision = recorded.revision;
    }
    if (cached && revision === cached.revision) return refresh(this.cache, personId, cached);
    const facts = personAccessFacts(history);
    if (!facts.exists) throw notFound(personId);
    const entry: AccessEntry = { ...facts, revision, history, careEventIds: history.filter((h) => isCareEvent(h.event)).map((h) => h.event.eventId) };
    this.cache.delete(personId);
    if (!facts.erased) this.cache.set(personId, entry);
    if (this.cache.size > CACHED_PERSONS) this.cache.delete(this.cache.keys().next().value!);
    return entry;
  }
}

/** Persons whose access facts stay in memory (least recently used first out). */
const CACHED_PERSONS = 5_000;

interface AccessEntry extends PersonAccessFacts {
  readonly revision: number;
  readonly history: readonly { event: IdentifiedPersonEvent; recordedByOrganisationId: string | null }[];
  readonly careEventIds: string[];
}

function refresh(cache: Map<string, AccessEntry>, personId: string, entry: AccessEntry): AccessEntry {
  cache.delete(personId);
  cache.set(personId, entry);
  return entry;
}

function notFound(personId: string): NotFoundError {
  return new NotFoundError('PERSON_NOT_FOUND', `No person is registered with id ${personId}`);
}
