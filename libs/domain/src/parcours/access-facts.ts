import { accessFactsFrom, type AccessRelevantFact, type PersonAccessFacts } from '../person/access.js';
import type { ParcoursState } from './parcours-state.js';

/**
 * Access facts (DOMAIN.md §8) from a parcours state, the read model's fold of the same stream: the
 * same answer as `accessFactsOf(foldPerson(events))` for the same events (checked by a property
 * test), so an access check can use a person's read-model row instead of reading and folding their
 * whole stream. As in the decider's state (`registered`, `erased`), a registration or an erasure
 * counts whether or not it was later retracted.
 */
export function parcoursAccessFacts(state: ParcoursState, registeredByOrganisationId: string | null): PersonAccessFacts {
  let exists = false;
  let erased = false;
  const facts: AccessRelevantFact[] = [];
  for (const fact of state.facts) {
    if (fact.type === 'PersonRegistered') exists = true;
    else if (fact.type === 'PersonErased') erased = true;
    facts.push({ type: fact.type, data: fact.data, retracted: fact.retraction !== null });
  }
  return accessFactsFrom(facts, { exists, erased }, registeredByOrganisationId);
}
