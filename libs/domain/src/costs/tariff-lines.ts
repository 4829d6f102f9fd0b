import type { SummaryEpisode } from '../analytics/person-summary.js';
import { dayOf, firstDayOfYear, overlapDays, yearOfDay } from './calendar-days.js';
import { COST_CATEGORY_OF_EPISODE, costFieldOf, costLine, type CostLine } from './cost-line.js';
import { episodeCostDays, type CostWindow } from './episode-days.js';
import type { AmountRange } from './money.js';
import { tariffsOnDay, type MatchedTariff } from './tariff-matching.js';

/**
 * Per-day lines of one episode: its days (in the three scenarios of episodeCostDays) inside each
 * tariff's validity, split by calendar year. Days are whole, tariffs are whole cents per day,
 * so every amount is an exact integer: no rounding happens here.
 * The days are cut into segments at every tariff change, year start and scenario bound, so the
 * work depends on the number of changes, not on the length of the episode.
 */
export function perDayLines(personId: string, episode: SummaryEpisode, candidates: readonly MatchedTariff[], window: CostWindow): CostLine[] {
  const days = episodeCostDays(episode, window);
  const hull = days.max;
  if (!hull || candidates.length === 0) return [];
  const cuts = new Set<number>([hull.first, hull.last + 1]);
  for (const range of [days.mid, days.min]) if (range) cuts.add(range.first).add(range.last + 1);
  for (const c of candidates) cuts.add(c.first).add(c.last + 1);
  for (let year = yearOfDay(hull.first) + 1; year <= yearOfDay(hull.last); year++) cuts.add(firstDayOfYear(year));
  const points = [...cuts].filter((d) => d >= hull.first && d <= hull.last + 1).sort((a, b) => a - b);

  const counted = new Map<string, { matched: MatchedTariff; year: number; days: { mid: number; min: number; max: number } }>();
  for (let i = 0; i + 1 < points.length; i++) {
    const first = points[i]!;
    const last = points[i + 1]! - 1;
    const year = yearOfDay(first);
    for (const matched of tariffsOnDay(candidates, first)) {
      const key = `${matched.tariff.tariffId}|${year}`;
      const entry = counted.get(key) ?? { matched, year, days: { mid: 0, min: 0, max: 0 } };
      entry.days.mid += overlapDays(first, last, days.mid);
      entry.days.min += overlapDays(first, last, days.min);
      entry.days.max += overlapDays(first, last, days.max);
      counted.set(key, entry);
    }
  }
  return [...counted.values()]
    .filter((e) => e.days.max > 0)
    .map(({ matched, year, days: d }) => {
      const cents = matched.tariff.amountCents;
      return tariffLine(personId, episode, matched, year, { mid: d.mid * cents, min: d.min * cents, max: d.max * cents }, d, days.endUnknown);
    });
}

/**
 * Per-event lines: each payer's tariff once, at the episode's start. The start's midpoint gives
 * `mid`; its earliest and latest possible days may fall under another tariff, or outside the
 * window (not yet happened at the cut-off), which gives `min` and `max`.
 */
export function perEventLines(personId: string, episode: SummaryEpisode, candidates: readonly MatchedTariff[], window: CostWindow): CostLine[] {
  if (candidates.length === 0) return [];
  const { start } = episode;
  const midDay = dayOf(start.mid);
  const dates = [midDay, dayOf(start.lower ?? start.mid), dayOf(start.upper ?? start.mid)];
  const byPayer = new Map<string, { matched: MatchedTariff; amounts: number[] }>();
  dates.forEach((day, i) => {
    const inWindow = day <= window.lastDay && (window.firstDay === null || day >= window.firstDay);
    if (!inWindow) return;
    for (const matched of tariffsOnDay(candidates, day)) {
      const payer = `${matched.tariff.funder}\u0000${matched.tariff.currency}`;
      const entry = byPayer.get(payer) ?? { matched, amounts: [0, 0, 0] };
      entry.amounts[i] = matched.tariff.amountCents;
      byPayer.set(payer, entry);
    }
  });
  return [...byPayer.values()].map(({ matched, amounts }) =>
    tariffLine(personId, episode, matched, yearOfDay(midDay), { mid: amounts[0]!, min: Math.min(...amounts), max: Math.max(...amounts) }),
  );
}

function tariffLine(personId: string, episode: SummaryEpisode, matched: MatchedTariff, year: number, amountCents: AmountRange, days?: AmountRange, endUnknown = false): CostLine {
  const { tariff } = matched;
  return costLine({
    personId,
    episodeId: episode.episodeId,
    field: costFieldOf(episode),
    category: COST_CATEGORY_OF_EPISODE[episode.kind],
    funder: tariff.funder,
    organisationId: episode.organisationId ?? undefined,
    year,
    amountCents,
    currency: tariff.currency,
    source: 'tariff',
    tariffId: tariff.tariffId,
    basis: tariff.basis,
    days,
    endUnknown,
    illustrative: tariff.illustrative,
  });
}
