import { Injectable } from '@nestjs/common';
import { accessFactsOf, careEventIdsOf, NotFoundError, type PersonAccessFacts, type PersonState } from '@parcours/domain';
import type { DecisionState } from '../persons/person-state-cache.js';
import { PersonStreamRepository } from '../persons/person-stream.repository.js';
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
    private readonly persons: PersonStreamRepository,
    private readonly organisations: OrganisationDirectory,
  ) {}

  private readModel: ReadModelAccessFacts | undefined;

  /**
   * Lets reads check access on a read model's fold of the person (the parcours projection's row)
   * instead of reading and folding the whole stream: the source answers only when its row is at
   * the stream's head, so the facts are the stream's as of the request all the same.
   */
  useReadModel(source: ReadModelAccessFacts): void {
    this.readModel = source;
  }

  /** May this caller read the person, and how? */
  async forReading(principal: Principal, personId: string): Promise<PersonVisibility> {
    const facts = await this.readingFacts(personId);
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
    const careIds = careEventIdsOf(facts.state);
    for (const event of events) {
      const target = (event.data as { targetEventId?: unknown } | undefined)?.targetEventId;
      if ((event.type === 'EventCorrected' || event.type === 'EventRetracted') && typeof target === 'string' && careIds.has(target.toLowerCase())) {
        throw new ForbiddenError('Your organisation may not see clinical events of this person, so it may not correct or retract them');
      }
    }
  }

  /**
   * A decision state kept for the person is brought up to date with one indexed read; otherwise
   * the read model's row, when it is current, spares a read and fold of the whole history (and
   * keeps reads from filling the decision cache, which appends need).
   */
  private async readingFacts(personId: string): Promise<PersonAccessFacts> {
    if (this.readModel && !this.persons.holdsDecisionState(personId)) {
      const facts = await this.readModel(personId);
      if (facts) {
        if (!facts.exists) throw notFound(personId);
        return facts;
      }
    }
    return this.facts(personId);
  }

  private async careHidden(principal: Principal, personId: string, facts: PersonAccessFacts): Promise<boolean> {
    const organisation = principal.organisationId;
    // Not in the caseload: answered like an unknown id, so ids cannot be probed across organisations.
    if (organisation === null || !facts.organisations.has(organisation)) throw notFound(personId);
    if (facts.consents.has('care_sharing')) return false;
    return !(await this.organisations.isCareSide(organisation));
  }

  /**
   * Access facts from the person's stream, read at request time: the decision state the
   * repository keeps per person (brought up to date with the events since its revision, one
   * indexed query), so a check costs neither a read nor a fold of the whole history.
   */
  private async facts(personId: string): Promise<AccessFacts> {
    const decision = await this.persons.decisionState(personId);
    let facts = derived.get(decision.state);
    if (!facts || facts.registeredBy !== decision.registeredBy) {
      facts = { ...accessFactsOf(decision.state, decision.registeredBy), state: decision.state, registeredBy: decision.registeredBy };
      derived.set(decision.state, facts);
    }
    if (!facts.exists) throw notFound(personId);
    return facts;
  }
}

/** Access facts from a read model, or undefined when it cannot vouch for the stream's head. */
export type ReadModelAccessFacts = (personId: string) => Promise<PersonAccessFacts | undefined>;

interface AccessFacts extends PersonAccessFacts {
  readonly state: PersonState;
  readonly registeredBy: DecisionState['registeredBy'];
}

/** Facts derived from a state, computed once per state (states are immutable: a new event makes a new one). */
const derived = new WeakMap<PersonState, AccessFacts>();

function notFound(personId: string): NotFoundError {
  return new NotFoundError('PERSON_NOT_FOUND', `No person is registered with id ${personId}`);
}
