import type { SummaryEpisode } from '../analytics/person-summary.js';
import type { COST_CATEGORIES } from '../person/catalogue/analysis.js';
import type { EpisodeKind } from '../person/catalogue/entry.js';
import type { TariffBasis } from '../reference/tariff/events.js';
import type { AmountRange } from './money.js';

export type CostCategory = (typeof COST_CATEGORIES)[number];

/** The lane a cost belongs to: the episode's field, else one derived from the cost's category. */
export const COST_FIELDS = ['care', 'training', 'employment', 'social', 'other'] as const;
export type CostField = (typeof COST_FIELDS)[number];

/**
 * One costed item of one person's path: what, who pays, which year, how much (within bounds).
 * Made by `costLine` only, so that every line has the same shape: cohort views add up hundreds
 * of thousands of them, and objects of one shape are what the engine reads fastest.
 */
export interface CostLine {
  readonly personId: string;
  readonly episodeId?: string;
  readonly field: CostField;
  readonly category: CostCategory;
  readonly funder: string;
  readonly organisationId?: string;
  /** Calendar year (UTC) of the costed days or of the event's midpoint. */
  readonly year: number;
  readonly amountCents: AmountRange;
  readonly currency: string;
  readonly source: 'tariff' | 'recorded';
  readonly tariffId?: string;
  readonly basis?: TariffBasis;
  /** Per-day lines: the days counted in each scenario. */
  readonly days?: AmountRange;
  /** The episode's end is unknown: only its start day is costed, so the amount is a floor. */
  readonly endUnknown: boolean;
  /** The tariff is not a real figure (demo or estimate). Recorded costs are real: false. */
  readonly illustrative: boolean;
}

/** A line with every property present, in one order (absent ones undefined). */
export function costLine(l: CostLine): CostLine {
  return {
    personId: l.personId,
    episodeId: l.episodeId,
    field: l.field,
    category: l.category,
    funder: l.funder,
    organisationId: l.organisationId,
    year: l.year,
    amountCents: l.amountCents,
    currency: l.currency,
    source: l.source,
    tariffId: l.tariffId,
    basis: l.basis,
    days: l.days,
    endUnknown: l.endUnknown,
    illustrative: l.illustrative,
  };
}

/** What a tariff cost of an episode is filed under, by the episode's kind. */
export const COST_CATEGORY_OF_EPISODE: Readonly<Record<EpisodeKind, CostCategory>> = {
  care_follow_up: 'care',
  hospital_stay: 'care',
  rehabilitation: 'care',
  substitution_treatment: 'care',
  relapse: 'care',
  training: 'training',
  workshop: 'employment',
  job_coaching: 'employment',
  internship: 'employment',
  job: 'employment',
  peer_role: 'employment',
  incarceration: 'justice',
  justice_measure: 'justice',
};

/** The field of a recorded cost linked to no episode, by its category. */
export const COST_FIELD_OF_CATEGORY: Readonly<Record<CostCategory, CostField>> = {
  care: 'care',
  training: 'training',
  employment: 'employment',
  housing: 'social',
  income_support: 'social',
  justice: 'social',
  coordination: 'other',
  other: 'other',
};

export function costFieldOf(episode: SummaryEpisode): CostField {
  return (COST_FIELDS as readonly string[]).includes(episode.field) ? (episode.field as CostField) : 'other';
}
