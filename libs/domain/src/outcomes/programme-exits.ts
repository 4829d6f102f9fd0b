import type { PersonSummary } from '../analytics/person-summary.js';
import type { CohortMember } from '../cohorts/membership.js';
import { PROGRAMME_EXITS } from '../person/events.js';
import type { ProtectedValue } from '../statistics/index.js';
import { indicator } from './indicator.js';
import { publishBreakdown, shareOf, type PublishedBreakdown } from './publication.js';

type Destination = (typeof PROGRAMME_EXITS)[number];
export type ExitStatus = Destination | 'not_exited';

type Programme = PersonSummary['programmes'][number];

/**
 * The programme a member's outcome is read at: the one whose entry is their cohort entry (a
 * programme_entry cohort), else the first programme entered in the follow-up.
 */
export function followedProgramme(member: CohortMember, cutoff: number): Programme | null {
  const { programmes } = member.summary;
  const atEntry = programmes.find((p) => p.entered.mid === member.entry.mid);
  if (atEntry) return atEntry;
  const later = programmes.filter((p) => p.entered.mid >= member.entry.mid && p.entered.mid <= cutoff).sort((a, b) => a.entered.mid - b.entered.mid);
  return later[0] ?? null;
}

export function exitStatus(member: CohortMember, cutoff: number): ExitStatus {
  const programme = followedProgramme(member, cutoff);
  if (!programme?.exited || programme.exited.mid > cutoff) return 'not_exited';
  return (PROGRAMME_EXITS as readonly (string | null)[]).includes(programme.destination) ? (programme.destination as Destination) : 'unknown';
}

export interface SortiesDynamiques {
  /** Every member once: by exit destination, or not exited by the cut-off (or in no programme). */
  readonly persons: PublishedBreakdown<ExitStatus>;
  /** Each destination among the members who exited. */
  readonly shares: Readonly<Record<Destination, ProtectedValue | null>>;
}

export const sortiesDynamiques = indicator({
  name: 'sortiesDynamiques',
  version: 1,
  definition:
    'Members by the destination of their exit (ProgrammeExited) from the programme entered at their cohort entry (else the first programme entered in the follow-up), at or before the cut-off: durable_employment, transition_employment, positive_exit, other_exit, unknown (destination not recorded), or not_exited; shares of each destination among the members who exited.',
  compute(members: readonly CohortMember[], cutoff: number): SortiesDynamiques {
    const counts = Object.fromEntries([...PROGRAMME_EXITS, 'not_exited'].map((k) => [k, 0])) as Record<ExitStatus, number>;
    for (const member of members) counts[exitStatus(member, cutoff)] += 1;
    const persons = publishBreakdown(counts);
    const shares = Object.fromEntries(PROGRAMME_EXITS.map((d) => [d, shareOf(persons, d, ['not_exited'])])) as Record<Destination, ProtectedValue | null>;
    return { persons, shares };
  },
});
