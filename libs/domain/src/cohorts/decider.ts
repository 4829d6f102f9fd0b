import { DomainError, NotFoundError } from '../errors.js';
import type { ReferenceDecider } from '../reference/catalogue.js';
import { COHORT_CATEGORY, COHORT_EVENT_CATALOGUE, type CohortCommand, type CohortDefinition, type CohortEvent } from './events.js';

export interface CohortState {
  readonly definition: CohortDefinition | undefined;
  readonly retired: boolean;
}

export const cohortDecider: ReferenceDecider<CohortEvent, CohortState, CohortCommand> = {
  category: COHORT_CATEGORY,
  catalogue: COHORT_EVENT_CATALOGUE,
  initialState: { definition: undefined, retired: false },
  decide(command, state) {
    switch (command.type) {
      case 'DefineCohort':
        // A definition is immutable once used: results computed on it must stay reproducible.
        if (state.definition) throw new DomainError('COHORT_ALREADY_DEFINED', 'This cohort is already defined; define a new cohort instead of changing one');
        return [command.event];
      case 'RetireCohort':
        if (!state.definition) throw new NotFoundError('COHORT_NOT_FOUND', 'No cohort with this id');
        if (state.retired) throw new DomainError('COHORT_ALREADY_RETIRED', 'This cohort is already retired');
        return [command.event];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'CohortDefined':
        return { ...state, definition: event.data };
      case 'CohortRetired':
        return { ...state, retired: true };
    }
  },
};
