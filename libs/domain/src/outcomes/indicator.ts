import type { CohortMember } from '../cohorts/membership.js';

/**
 * An outcome indicator of a cohort: a pure function of the members (with their entry) and the
 * cut-off, published with a written definition and a version. The definition is the contract
 * with evaluators (docs/indicators.md repeats it word for word); any change in what is counted
 * bumps the version, so that figures computed under different definitions are never compared.
 */
export interface OutcomeIndicator<N extends string = string, V extends object = object> {
  readonly name: N;
  readonly version: number;
  readonly definition: string;
  readonly compute: (members: readonly CohortMember[], cutoff: number) => V;
}

/** Keeps the indicator's name and value types while checking its shape. */
export function indicator<N extends string, V extends object>(definition: OutcomeIndicator<N, V>): OutcomeIndicator<N, V> {
  return definition;
}
