import type { TariffState } from '../reference/tariff/decider.js';
import type { TariffBasis, TariffEpisodeKind } from '../reference/tariff/events.js';
import { dayOfIsoDate } from './calendar-days.js';

/**
 * A tariff as the cost model reads it: the latest values set on its stream, and whether (and
 * when) it was withdrawn. Withdrawn tariffs stay: costs of the days before the withdrawal were
 * incurred under them and must stay explainable.
 */
export interface Tariff {
  readonly tariffId: string;
  readonly episodeKind: TariffEpisodeKind;
  /** A finer setting ('ACI', 'addiction_outpatient', 'psychiatric'...); null: any setting. */
  readonly setting: string | null;
  /** The organisation it is the tariff of; null: any organisation. */
  readonly organisationId: string | null;
  readonly basis: TariffBasis;
  /** Per day or per event, in integer cents. */
  readonly amountCents: number;
  readonly currency: string;
  readonly funder: string;
  /** First day it applies (YYYY-MM-DD). */
  readonly validFrom: string;
  /** Last day it applies as set (YYYY-MM-DD); null: no end set. */
  readonly validTo: string | null;
  /** The withdrawal day, when withdrawn: the last day it applies, like validTo. */
  readonly withdrawnAt: string | null;
  /** False only for real public figures (with their source). */
  readonly illustrative: boolean;
  readonly source: string | null;
}

/** The tariff from its stream's folded state; undefined until it has been set. */
export function tariffFromState(tariffId: string, state: TariffState): Tariff | undefined {
  const t = state.current;
  if (!t) return undefined;
  return {
    tariffId,
    episodeKind: t.episodeKind,
    setting: t.setting ?? null,
    organisationId: t.organisationId ?? null,
    basis: t.basis,
    amountCents: t.amountCents,
    currency: t.currency,
    funder: t.funder,
    validFrom: t.validFrom,
    validTo: t.validTo ?? null,
    withdrawnAt: state.withdrawn?.at ?? null,
    illustrative: t.illustrative,
    source: t.source ?? null,
  };
}

/** The days a tariff applies on, inclusive: from validFrom to the earlier of validTo and the withdrawal. */
export function tariffDays(tariff: Tariff): { first: number; last: number } {
  const ends = [tariff.validTo, tariff.withdrawnAt].filter((d): d is string => d !== null).map(dayOfIsoDate);
  return { first: dayOfIsoDate(tariff.validFrom), last: ends.length ? Math.min(...ends) : Number.POSITIVE_INFINITY };
}
