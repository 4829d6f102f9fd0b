import type { EpisodeKind } from '@parcours/domain';
import type { Episode, PathBuilder } from './path-builder.js';
import type { Story } from './story.js';

type Category = 'care' | 'training' | 'employment' | 'housing' | 'income_support' | 'justice' | 'coordination' | 'other';

/**
 * Illustrative unit costs (DOMAIN.md §5: the sources give none): per day, or per year for
 * insertion posts, where the French State's yearly aid per full-time post from Nov 2024 is the one
 * real public figure (ACI €23,921). Every funder is labelled illustrative.
 */
const COSTS: Partial<Record<EpisodeKind, { category: Category; funder: string; perDay: number }>> = {
  care_follow_up: { category: 'care', funder: 'Health insurance (illustrative)', perDay: 4 },
  hospital_stay: { category: 'care', funder: 'Health insurance (illustrative)', perDay: 650 },
  rehabilitation: { category: 'care', funder: 'Regional rehabilitation budget (illustrative)', perDay: 180 },
  substitution_treatment: { category: 'care', funder: 'Health insurance (illustrative)', perDay: 3 },
  training: { category: 'training', funder: 'Regional training fund (illustrative)', perDay: 45 },
  workshop: { category: 'employment', funder: 'State aid per insertion post, ACI rate (illustrative)', perDay: 23921 / 365 },
  job_coaching: { category: 'employment', funder: 'Public employment service (illustrative)', perDay: 6 },
  internship: { category: 'employment', funder: 'Public employment service (illustrative)', perDay: 10 },
  incarceration: { category: 'justice', funder: 'Ministry of Justice (illustrative)', perDay: 110 },
  justice_measure: { category: 'justice', funder: 'Ministry of Justice (illustrative)', perDay: 8 },
};

/** What an episode cost over `days` days (or a year when the length is unknown). */
export function recordCost(b: PathBuilder, episode: Episode, days = 365): void {
  const cost = COSTS[episode.kind];
  if (!cost) return;
  const amount = (Math.max(days, 1) * cost.perDay * (0.8 + 0.4 * b.rng.next())).toFixed(2);
  b.emit('CostRecorded', { amount, currency: 'EUR', funder: cost.funder, category: cost.category, episodeId: episode.episodeId }, { provenance: 'service_record' });
}

/** Costs not tied to one episode: coordination, housing, income support. */
const LOOSE_COSTS: readonly [Category, string, number, number][] = [
  ['coordination', 'Addiction service budget (illustrative)', 200, 1500],
  ['housing', 'Housing support fund (illustrative)', 500, 9000],
  ['income_support', 'Minimum income (illustrative)', 1500, 7000],
  ['other', 'Municipality (illustrative)', 50, 800],
];

export const cost: Story = {
  name: 'cost',
  weight: (b) => (b.episodes.length ? 0.5 : 0.1),
  run(b) {
    if (b.episodes.length && b.rng.chance(0.7)) return recordCost(b, b.rng.pick(b.episodes), b.rng.int(30, 365));
    const [category, funder, min, max] = b.rng.pick(LOOSE_COSTS);
    b.emit('CostRecorded', { amount: `${b.rng.int(min, max)}.00`, currency: 'EUR', funder, category }, { provenance: 'service_record' });
  },
};
