import { emptySummary, instant, type Instant, type PersonSummary, type SummaryEpisode } from '../analytics/person-summary.js';
import type { CohortMember } from '../cohorts/membership.js';
import type { EpisodeKind } from '../person/events.js';
import { parseValidTime } from '../time/valid-time.js';

/** Small hand-made persons for the sequence and export specs. Dates are EDTF, as recorded. */
export const at = (edtf: string): Instant => instant(parseValidTime(edtf));
export const ms = (iso: string): number => Date.parse(iso);

let episodeCount = 0;
export function episode(kind: EpisodeKind, start: string, end: string | 'open' | 'unknown', field: SummaryEpisode['field'] = fieldOf(kind)): SummaryEpisode {
  episodeCount += 1;
  const ended = end !== 'open' && end !== 'unknown';
  return {
    episodeId: `e${episodeCount}`,
    kind,
    field,
    start: at(start),
    end: ended ? at(end) : null,
    endStatus: ended ? 'ended' : end,
    organisationId: null,
    organisationName: null,
    details: {},
  };
}

export function person(id: string, overrides: Partial<PersonSummary> = {}): PersonSummary {
  const base = { ...emptySummary(id), revision: 1, gender: 'male', birthYear: 1981, researchConsent: true };
  return { ...base, registeredAt: at('2009-01-01'), firstContact: at('2009-01-01'), ...overrides };
}

export function member(summary: PersonSummary, entry: string): CohortMember {
  return { summary, entry: at(entry) };
}

function fieldOf(kind: EpisodeKind): SummaryEpisode['field'] {
  if (['care_follow_up', 'hospital_stay', 'rehabilitation', 'substitution_treatment', 'relapse'].includes(kind)) return 'care';
  if (kind === 'training') return 'training';
  if (['incarceration', 'justice_measure'].includes(kind)) return 'social';
  return 'employment';
}
