import type { Instant, PersonSummary } from '../analytics/person-summary.js';
import type { EpisodeKind } from '../person/events.js';
import type { SequenceField } from './alphabet.js';

/**
 * A stretch of time one person spent in one state of a field, before it is laid on the monthly
 * grid. Instants are epoch ms taken at the midpoints of imprecise dates ("2007" counts from early
 * July 2007); the bounds are kept for the spells file, so researchers can test sensitivity.
 */
export interface StateSpan {
  readonly code: string;
  /** First instant in the state (midpoint). */
  readonly from: number;
  /** Last instant in the state (midpoint), inclusive; null when it runs to the cut-off. */
  readonly to: number | null;
  readonly fromBounds: Bounds;
  /** Bounds of the last instant; null while open. An unknown end has a lower bound (its start) and no upper. */
  readonly toBounds: Bounds | null;
  /**
   * ended: its end is recorded; open: still running (to the cut-off); unknown: it ended but we
   * do not know when, so it counts in its start month only.
   */
  readonly end: 'ended' | 'open' | 'unknown';
}

export interface Bounds {
  readonly lower: number | null;
  readonly upper: number | null;
}

/** Episode kinds that are states, and of which field. Relapses and justice measures are events, not states. */
const EPISODE_STATES: Partial<Record<EpisodeKind, { readonly field: SequenceField; readonly code: string }>> = {
  hospital_stay: { field: 'care', code: 'H' },
  rehabilitation: { field: 'care', code: 'R' },
  substitution_treatment: { field: 'care', code: 'S' },
  care_follow_up: { field: 'care', code: 'C' },
  training: { field: 'training', code: 'T' },
  job: { field: 'employment', code: 'J' },
  peer_role: { field: 'employment', code: 'M' },
  internship: { field: 'employment', code: 'I' },
  workshop: { field: 'employment', code: 'W' },
  job_coaching: { field: 'employment', code: 'K' },
  incarceration: { field: 'social', code: 'X' },
};

const DAY_MS = 86_400_000;

/** Housing statuses (HousingStatusChanged) as social states. */
export const HOUSING_STATES: Readonly<Record<string, string>> = {
  street: 'P',
  squat: 'P',
  emergency_shelter: 'P',
  chrs: 'A',
  residential_care: 'A',
  supported_housing: 'A',
  family: 'O',
  own_tenancy: 'O',
  prison: 'X',
  other: 'Z',
};

export function stateSpans(summary: PersonSummary, field: SequenceField): StateSpan[] {
  const spans: StateSpan[] = [];
  for (const episode of summary.episodes) {
    const state = EPISODE_STATES[episode.kind];
    if (state?.field !== field) continue;
    spans.push(episodeSpan(state.code, episode.start, episode.end, episode.endStatus));
  }
  if (field === 'social') spans.push(...housingSpans(summary.housing));
  return spans;
}

function episodeSpan(code: string, start: Instant, end: Instant | null, endStatus: 'ended' | 'open' | 'unknown'): StateSpan {
  const fromBounds = bounds(start);
  if (endStatus === 'ended' && end) {
    // Vague dates can put the end's midpoint before the start's ("2011" → "2011-03"): never run backwards.
    return { code, from: start.mid, to: Math.max(end.mid, start.mid), fromBounds, toBounds: bounds(end), end: 'ended' };
  }
  if (endStatus === 'unknown') return { code, from: start.mid, to: start.mid, fromBounds, toBounds: { lower: start.lower ?? start.mid, upper: null }, end: 'unknown' };
  return { code, from: start.mid, to: null, fromBounds, toBounds: null, end: 'open' };
}

/** Each housing status holds from its change to the instant before the next change, the last to the cut-off. */
function housingSpans(housing: PersonSummary['housing']): StateSpan[] {
  const ordered = [...housing].sort((a, b) => a.when.mid - b.when.mid);
  return ordered.flatMap((change, i): StateSpan[] => {
    const code = HOUSING_STATES[change.status];
    if (!code) return [];
    const next = ordered[i + 1];
    const fromBounds = bounds(change.when);
    if (!next) return [{ code, from: change.when.mid, to: null, fromBounds, toBounds: null, end: 'open' as const }];
    // The day of a change belongs to the new status: the old one ends the day before.
    const dayBefore = (t: number | null) => (t === null ? null : t - (((t % DAY_MS) + DAY_MS) % DAY_MS) - 1);
    const to = Math.max(dayBefore(next.when.mid)!, change.when.mid);
    return [{ code, from: change.when.mid, to, fromBounds, toBounds: { lower: dayBefore(next.when.lower), upper: dayBefore(next.when.upper) }, end: 'ended' as const }];
  });
}

function bounds(instant: Instant): Bounds {
  return { lower: instant.lower, upper: instant.upper };
}
