import { Injectable, type OnModuleInit } from '@nestjs/common';
import { parcoursAccessFacts, type PersonAccessFacts } from '@parcours/domain';
import { PersonAccess } from '../auth/index.js';
import { PersonStreamRepository } from '../persons/person-stream.repository.js';
import { ProjectionRunner, ReadModelDatabase } from '../projections/index.js';
import { loadParcoursState } from './parcours.projection.js';

/**
 * Access facts for reads, from the parcours read model: a person's row holds the fold of their
 * stream up to a revision, so when the stream has nothing after it, the facts folded from the row
 * are the stream's now (`parcoursAccessFacts`, equal to the decider state's by a property test).
 * A first read of a person then costs the row and two one-row reads of the stream (is there a
 * newer event? who recorded the registration?) instead of reading, decrypting and folding their
 * whole history (measured on GET /persons/:id/parcours, 1M events stored: 0.38 ms a request, and
 * its allocations, which set how often the young-generation collector runs; docs/benchmarks.md).
 * Anything else — no row yet, a newer event, a stream not starting with its registration — and
 * PersonAccess folds the stream as before.
 */
@Injectable()
export class ParcoursAccessFacts implements OnModuleInit {
  constructor(
    private readonly access: PersonAccess,
    private readonly persons: PersonStreamRepository,
    private readonly runner: ProjectionRunner,
    private readonly database: ReadModelDatabase,
  ) {}

  onModuleInit(): void {
    this.access.useReadModel((personId) => this.current(personId));
  }

  async current(personId: string): Promise<PersonAccessFacts | undefined> {
    const state = loadParcoursState(this.database.connection, this.runner.tableFor('parcours'), personId);
    if (!state) return undefined;
    if (await this.persons.hasEventsAfter(personId, state.revision)) return undefined;
    const registeredBy = await this.persons.registrationOrganisation(personId);
    return registeredBy === undefined ? undefined : parcoursAccessFacts(state, registeredBy);
  }
}
