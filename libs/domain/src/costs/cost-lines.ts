import type { PersonSummary, SummaryEpisode } from '../analytics/person-summary.js';
import { dayOf, yearOfDay } from './calendar-days.js';
import { COST_FIELD_OF_CATEGORY, costFieldOf, costLine, type CostCategory, type CostLine } from './cost-line.js';
import type { CostWindow } from './episode-days.js';
import { exactRange } from './money.js';
import type { Tariff } from './tariff.js';
import { perDayLines, perEventLines } from './tariff-lines.js';
import { matchingTariffs } from './tariff-matching.js';

export interface CostLinesOptions {
  /** Count only costs from this instant (epoch ms), e.g. the person's cohort entry. Default: the whole path. */
  readonly from?: number;
}

/**
 * The cost lines of one person's path up to the cut-off (epoch ms): every episode priced by the
 * tariffs that apply (tariff-matching.ts), per day or per event, and every cost recorded
 * (CostRecorded). An episode's tariff lines of a funder are dropped when a cost of that funder is
 * recorded for the episode: what was actually paid replaces the estimate, it does not add to it.
 * Pure: the same summary, tariffs and cut-off always give the same lines.
 */
export function costLines(summary: PersonSummary, tariffs: readonly Tariff[], cutoff: number, options: CostLinesOptions = {}): CostLine[] {
  const window: CostWindow = { firstDay: options.from === undefined ? null : dayOf(options.from), lastDay: dayOf(cutoff) };
  const recorded = recordedLines(summary, window);
  const paidFor = new Set(recorded.filter((l) => l.episodeId).map((l) => `${l.episodeId}\u0000${l.funder}`));
  const estimated = summary.episodes.flatMap((episode) => [
    ...perDayLines(summary.personId, episode, matchingTariffs(episode, tariffs, 'per_day'), window),
    ...perEventLines(summary.personId, episode, matchingTariffs(episode, tariffs, 'per_event'), window),
  ]);
  return [...estimated.filter((l) => !paidFor.has(`${l.episodeId}\u0000${l.funder}`)), ...recorded];
}

/** Recorded costs are known amounts: min = mid = max. Dated by their midpoint, within the window. */
function recordedLines(summary: PersonSummary, window: CostWindow): CostLine[] {
  const episodes = new Map<string, SummaryEpisode>(summary.episodes.map((e) => [e.episodeId, e]));
  return summary.costs.flatMap((cost) => {
    const day = dayOf(cost.when.mid);
    if (day > window.lastDay || (window.firstDay !== null && day < window.firstDay)) return [];
    const episode = cost.episodeId ? episodes.get(cost.episodeId) : undefined;
    const category = cost.category as CostCategory;
    const line = costLine({
      personId: summary.personId,
      episodeId: cost.episodeId ?? undefined,
      field: episode ? costFieldOf(episode) : (COST_FIELD_OF_CATEGORY[category] ?? 'other'),
      category,
      funder: cost.funder,
      organisationId: episode?.organisationId ?? undefined,
      year: yearOfDay(day),
      amountCents: exactRange(cost.amountCents),
      currency: cost.currency,
      source: 'recorded',
      endUnknown: false,
      illustrative: false,
    });
    return [line];
  });
}
