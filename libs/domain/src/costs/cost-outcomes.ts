import type { Instant } from '../analytics/person-summary.js';
import type { CohortMember } from '../cohorts/membership.js';

/**
 * Outcomes a cohort's cost is divided by ("cost per outcome": cohort cost ÷ persons reaching it,
 * DOMAIN.md §6). Each is reached when it happens at or after the person's cohort entry and by
 * the cut-off, both compared on midpoints; a person counts once per outcome however often it
 * happens.
 */
export const COST_OUTCOMES = ['hired', 'durable_exit', 'qualification', 'training_completed'] as const;
export type CostOutcome = (typeof COST_OUTCOMES)[number];

export const COST_OUTCOME_DEFINITIONS: Readonly<Record<CostOutcome, string>> = {
  // Any job counts (first or second labour market, any contract): the contract mix is another view.
  hired: 'A job starts (Hired) at or after entry',
  // The IAE's "emploi durable": CDI, CDD or temp ≥ 6 months, civil service, business created.
  durable_exit: 'A programme exit (ProgrammeExited) or workshop exit (WorkshopExited) to durable employment at or after entry',
  qualification: 'A qualification is obtained (QualificationObtained) at or after entry',
  // Failed and abandoned trainings do not count; neither do trainings still running.
  training_completed: 'A training ends completed (TrainingEnded, outcome completed) at or after entry',
};

export function reachedOutcome(outcome: CostOutcome, member: CohortMember, cutoff: number): boolean {
  const { summary, entry } = member;
  const inTime = (when: Instant | null): boolean => when !== null && when.mid >= entry.mid && when.mid <= cutoff;
  switch (outcome) {
    case 'hired':
      return summary.episodes.some((e) => e.kind === 'job' && inTime(e.start));
    case 'durable_exit':
      return (
        summary.programmes.some((p) => p.destination === 'durable_employment' && inTime(p.exited)) ||
        summary.episodes.some((e) => e.kind === 'workshop' && e.endStatus === 'ended' && e.details['destination'] === 'durable_employment' && inTime(e.end))
      );
    case 'qualification':
      return summary.qualifications.some(inTime);
    case 'training_completed':
      return summary.episodes.some((e) => e.kind === 'training' && e.endStatus === 'ended' && e.details['outcome'] === 'completed' && inTime(e.end));
  }
}

/** How many members reached each outcome. */
export function outcomeCounts(members: readonly CohortMember[], cutoff: number): Record<CostOutcome, number> {
  const counts = Object.fromEntries(COST_OUTCOMES.map((o) => [o, 0])) as Record<CostOutcome, number>;
  for (const member of members) for (const outcome of COST_OUTCOMES) if (reachedOutcome(outcome, member, cutoff)) counts[outcome] += 1;
  return counts;
}
