import type { Instant, PersonSummary } from '../analytics/person-summary.js';
import { parseValidTime } from '../time/valid-time.js';
import type { CohortDefinition } from './events.js';

export interface CohortMember {
  readonly summary: PersonSummary;
  /** When the person entered the cohort (by its entry rule): time zero of every outcome. */
  readonly entry: Instant;
}

/**
 * Who belongs to a cohort, from the persons' summaries: the entry date found by the entry rule
 * falls (by its midpoint) in the entry period, and gender and birth year match. Erased persons
 * never count. Pure: the same summaries and definition always give the same members.
 */
export function cohortMembers(definition: CohortDefinition, summaries: Iterable<PersonSummary>): CohortMember[] {
  const from = definition.entryFrom ? parseValidTime(definition.entryFrom).lower : null;
  const to = definition.entryTo ? parseValidTime(definition.entryTo).upper : null;
  const members: CohortMember[] = [];
  for (const summary of summaries) {
    if (summary.erased) continue;
    if (definition.genders && !definition.genders.includes((summary.gender ?? 'unknown') as never)) continue;
    if (definition.birthYearFrom !== undefined && (summary.birthYear === null || summary.birthYear < definition.birthYearFrom)) continue;
    if (definition.birthYearTo !== undefined && (summary.birthYear === null || summary.birthYear > definition.birthYearTo)) continue;
    const entry = entryOf(definition, summary);
    if (!entry) continue;
    if (from !== null && entry.mid < Date.parse(from)) continue;
    if (to !== null && entry.mid > Date.parse(to)) continue;
    members.push({ summary, entry });
  }
  return members;
}

export function entryOf(definition: CohortDefinition, summary: PersonSummary): Instant | null {
  switch (definition.entryRule) {
    case 'programme_entry':
      return earliest(summary.programmes.filter((p) => p.programmeId === definition.programmeId).map((p) => p.entered));
    case 'first_episode_at_organisation':
      return earliest(summary.episodes.filter((e) => e.organisationId === definition.organisationId).map((e) => e.start));
    case 'first_referral_to_organisation':
      return earliest(summary.referrals.filter((r) => r.toOrganisationId === definition.organisationId).map((r) => r.when));
    case 'first_contact':
      return summary.firstContact;
  }
}

/** The cut-off of a cohort's views: its own, else the present passed in. */
export function cohortCutoff(definition: CohortDefinition, now: Date): number {
  const upper = definition.cutoff ? parseValidTime(definition.cutoff).upper : null;
  return upper !== null ? Date.parse(upper) : now.getTime();
}

function earliest(instants: readonly Instant[]): Instant | null {
  return instants.reduce<Instant | null>((best, i) => (best === null || i.mid < best.mid ? i : best), null);
}
