import type { CohortMember } from '../cohorts/membership.js';

/** Turns an internal person id into the research project's pseudonym (a keyed hash, computed by the shell). */
export type Pseudonymise = (personId: string) => string;

export interface ExportSubject {
  readonly pseudonym: string;
  readonly member: CohortMember;
}

export interface ConsentCounts {
  /** Cohort members at the cut-off. */
  readonly members: number;
  /** Members with research consent: the persons in the files. */
  readonly exported: number;
  /** Members without research consent, left out of every file. */
  readonly leftOut: number;
}

/**
 * Who goes in a research file: only members whose last recorded research consent stands (some
 * services never let their records serve research, DOMAIN.md §8), under their pseudonym, sorted by
 * pseudonym — never in the store's order, which follows registration (UUIDv7) and would leak it.
 */
export function exportSubjects(members: readonly CohortMember[], pseudonymise: Pseudonymise): { subjects: ExportSubject[]; consent: ConsentCounts } {
  const consenting = members.filter((m) => m.summary.researchConsent && !m.summary.erased);
  const seen = new Set<string>();
  const subjects = consenting.map((member) => {
    const pseudonym = pseudonymise(member.summary.personId);
    // Guards against a wrong pseudonymiser: the internal id must never leave, nor two persons merge.
    if (pseudonym === member.summary.personId || pseudonym.includes(member.summary.personId)) throw new Error('A pseudonym must not contain the internal person id');
    if (seen.has(pseudonym)) throw new Error('Two persons share a pseudonym: the pseudonymiser truncates too much');
    seen.add(pseudonym);
    return { pseudonym, member };
  });
  subjects.sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0));
  return { subjects, consent: { members: members.length, exported: subjects.length, leftOut: members.length - subjects.length } };
}
