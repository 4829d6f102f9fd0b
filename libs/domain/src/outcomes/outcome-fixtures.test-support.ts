import { emptySummary, instant, type Instant, type PersonSummary, type SummaryEpisode } from '../analytics/person-summary.js';
import type { CohortMember } from '../cohorts/membership.js';
import type { EpisodeKind, Field } from '../person/events.js';
import { parseValidTime } from '../time/valid-time.js';

/** Builders for the outcome specs: summaries as the projection makes them, from EDTF dates. */

export const DAY = 86_400_000;
export const at = (edtf: string): Instant => instant(parseValidTime(edtf));
/** An instant `days` after another (both midpoints), for hand-computed day counts. */
export const plusDays = (from: string, days: number): Instant => {
  const base = at(from);
  const shift = (ms: number | null) => (ms === null ? null : ms + days * DAY);
  return { lower: shift(base.lower), mid: base.mid + days * DAY, upper: shift(base.upper) };
};

const FIELD_OF: Partial<Record<EpisodeKind, Field>> = {
  training: 'training',
  workshop: 'employment',
  job_coaching: 'employment',
  internship: 'employment',
  job: 'employment',
};

let episodes = 0;

export function episode(kind: EpisodeKind, start: string | Instant, end: string | Instant | 'open' | 'unknown', extra: Partial<SummaryEpisode> = {}): SummaryEpisode {
  episodes += 1;
  const when = (x: string | Instant) => (typeof x === 'string' ? at(x) : x);
  return {
    episodeId: `ep-${episodes}`,
    kind,
    field: FIELD_OF[kind] ?? 'care',
    start: when(start),
    end: end === 'open' || end === 'unknown' ? null : when(end),
    endStatus: end === 'open' ? 'open' : end === 'unknown' ? 'unknown' : 'ended',
    organisationId: null,
    organisationName: null,
    details: {},
    ...extra,
  };
}

export function person(personId: string, overrides: Partial<PersonSummary> = {}): PersonSummary {
  const base = { ...emptySummary(personId), revision: 1, gender: 'female', birthYear: 1980, researchConsent: true };
  return { ...base, registeredAt: at('2005-01-01'), firstContact: at('2005-01-01'), ...overrides };
}

export function member(entry: string | Instant, overrides: Partial<PersonSummary> = {}, personId = `p-${(episodes += 1)}`): CohortMember {
  return { summary: person(personId, overrides), entry: typeof entry === 'string' ? at(entry) : entry };
}

/** n members made alike (a cohort large enough to publish). */
export function alike(n: number, make: (i: number) => CohortMember): CohortMember[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

/** A cut-off at noon UTC: day-precision dates have their midpoint at noon, so day counts come out whole. */
export const noon = (isoDay: string): number => Date.parse(`${isoDay}T12:00:00.000Z`);
