import type { SummaryEpisode } from '../analytics/person-summary.js';
import { clipRange, dayOf, type DayRange } from './calendar-days.js';

/** The span costs are counted in: from a first day (a cohort entry, or none) to the cut-off day. */
export interface CostWindow {
  readonly firstDay: number | null;
  readonly lastDay: number;
}

/**
 * The days an episode lasts, in three scenarios, each inclusive of its first and last day:
 * - mid: from the start's midpoint to the end's midpoint;
 * - min: the shortest it may have been, from the latest possible start to the earliest possible
 *   end (at least one day, at the mid start, when the bounds overlap: "2007" to "2007");
 * - max: the longest, from the earliest possible start to the latest possible end.
 * Open episodes run to the cut-off in every scenario. An unknown end (a hospital stay without a
 * discharge) costs the start day only, in every scenario, flagged: the amount is a floor, not a
 * guess. The ranges are nested (min ⊆ mid ⊆ max), so per-day amounts are ordered for every
 * tariff and year. All are clipped to the window; null means no day in it.
 */
export interface EpisodeCostDays {
  readonly mid: DayRange | null;
  readonly min: DayRange | null;
  readonly max: DayRange | null;
  readonly endUnknown: boolean;
}

export function episodeCostDays(episode: SummaryEpisode, window: CostWindow): EpisodeCostDays {
  const { start, end } = episode;
  const midStart = dayOf(start.mid);
  const clip = (range: DayRange): DayRange | null => clipRange(range, window.firstDay, window.lastDay);
  if (episode.endStatus === 'unknown' || (episode.endStatus === 'ended' && !end)) {
    const day = clip({ first: midStart, last: midStart });
    return { mid: day, min: day, max: day, endUnknown: true };
  }
  const ends =
    episode.endStatus === 'ended' && end
      ? { mid: dayOf(end.mid), earliest: dayOf(end.lower ?? end.mid), latest: dayOf(end.upper ?? end.mid) }
      : { mid: window.lastDay, earliest: window.lastDay, latest: window.lastDay };
  // An end that (by midpoints) precedes its start is a one-day episode, not a negative one.
  const mid = { first: midStart, last: Math.max(midStart, ends.mid) };
  const max = { first: Math.min(dayOf(start.lower ?? start.mid), mid.first), last: Math.max(ends.latest, mid.last) };
  const minFirst = Math.max(dayOf(start.upper ?? start.mid), mid.first);
  const minLast = Math.min(ends.earliest, mid.last);
  const min = minFirst <= minLast ? { first: minFirst, last: minLast } : { first: mid.first, last: mid.first };
  return { mid: clip(mid), min: clip(min), max: clip(max), endUnknown: false };
}
