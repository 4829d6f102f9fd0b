import type { SummaryEpisode } from '../analytics/person-summary.js';
import type { EpisodeKind } from '../person/catalogue/entry.js';
import type { TariffBasis, TariffEpisodeKind } from '../reference/tariff/events.js';
import { type Tariff, tariffDays } from './tariff.js';

/**
 * Which tariffs price which episodes. The person catalogue (EPISODE_KINDS) and the tariffs
 * (TARIFF_EPISODE_KINDS) mostly share names, but not always, so the mapping is written out:
 * - `kinds`: tariff kinds that price every episode of the kind;
 * - `bySetting`: a narrower tariff kind for one setting of the episode (a harm-reduction or a
 *   residential follow-up); such a tariff ranks as a setting match.
 * A relapse is something that happens to the person, not a service anyone provides: no tariff.
 * Workshops hold insertion posts (ACI, EI, ETTI, AI are the workshop's `measure`), so the State's
 * aid per insertion post prices them beside any workshop tariff.
 * Tariff kinds priced by no episode yet: housing_support, other (kept for costs recorded as such).
 */
export const TARIFF_KINDS_OF_EPISODE: Readonly<Record<EpisodeKind, { readonly kinds: readonly TariffEpisodeKind[]; readonly bySetting?: Readonly<Record<string, TariffEpisodeKind>> }>> = {
  care_follow_up: {
    kinds: ['care_follow_up', 'care_episode'],
    bySetting: { harm_reduction: 'harm_reduction', residential: 'residential_care', therapeutic_community: 'residential_care' },
  },
  hospital_stay: { kinds: ['hospital_stay'] },
  rehabilitation: { kinds: ['rehabilitation'] },
  substitution_treatment: { kinds: ['substitution_treatment'] },
  relapse: { kinds: [] },
  training: { kinds: ['training'] },
  workshop: { kinds: ['workshop', 'insertion_post'] },
  job_coaching: { kinds: ['job_coaching'] },
  internship: { kinds: ['internship'] },
  job: { kinds: ['job'] },
  peer_role: { kinds: ['peer_role'] },
  incarceration: { kinds: ['incarceration'] },
  justice_measure: { kinds: ['justice_measure'] },
};

/**
 * The setting a tariff's `setting` is compared with: the care or training setting, the
 * workshop's measure, the hospital's kind, the peer role's status. Compared trimmed and
 * case-insensitively, since tariff settings are free labels ("ACI", "Psychiatric").
 */
export function episodeSetting(episode: SummaryEpisode): string | null {
  const d = episode.details;
  const value = d['setting'] ?? d['measure'] ?? d['kind'] ?? d['status'];
  return typeof value === 'string' ? normalise(value) : null;
}

/** A tariff that may price an episode, with how specific the match is. */
export interface MatchedTariff {
  readonly tariff: Tariff;
  /** 3: organisation and setting; 2: organisation; 1: setting; 0: kind only. */
  readonly specificity: number;
  readonly first: number;
  readonly last: number;
}

type Indexed = { readonly tariff: Tariff; readonly first: number; readonly last: number };

/** Tariffs by episode kind with their days, built once per tariff list (cohort views cost thousands of episodes). */
const indexes = new WeakMap<readonly Tariff[], Map<TariffEpisodeKind, Indexed[]>>();

function indexOf(tariffs: readonly Tariff[]): Map<TariffEpisodeKind, Indexed[]> {
  let index = indexes.get(tariffs);
  if (!index) {
    index = new Map();
    for (const tariff of tariffs) index.set(tariff.episodeKind, [...(index.get(tariff.episodeKind) ?? []), { tariff, ...tariffDays(tariff) }]);
    indexes.set(tariffs, index);
  }
  return index;
}

/** Every tariff of the basis whose kind, organisation and setting fit the episode, whatever its dates. */
export function matchingTariffs(episode: SummaryEpisode, tariffs: readonly Tariff[], basis: TariffBasis): MatchedTariff[] {
  const rule = TARIFF_KINDS_OF_EPISODE[episode.kind];
  const setting = episodeSetting(episode);
  const narrowKind = setting !== null ? rule.bySetting?.[setting] : undefined;
  const index = indexOf(tariffs);
  const kinds = narrowKind ? [...rule.kinds, narrowKind] : rule.kinds;
  const matched: MatchedTariff[] = [];
  for (const kind of kinds) {
    for (const { tariff, first, last } of index.get(kind) ?? []) {
      if (tariff.basis !== basis) continue;
      if (tariff.organisationId !== null && tariff.organisationId !== episode.organisationId) continue;
      if (tariff.setting !== null && normalise(tariff.setting) !== setting) continue;
      const settingMatch = tariff.setting !== null || kind === narrowKind;
      matched.push({ tariff, specificity: (tariff.organisationId !== null ? 2 : 0) + (settingMatch ? 1 : 0), first, last });
    }
  }
  return matched;
}

/**
 * The tariffs that apply on a day: for each payer (funder and currency), the most specific
 * tariff valid that day. Payers co-fund, so each pays its own; one payer pays once, by its most
 * specific tariff. Between equally specific tariffs of one payer (overlapping data), the one in
 * force most recently (latest validFrom) wins, then the smaller id, so the choice is stable.
 */
export function tariffsOnDay(candidates: readonly MatchedTariff[], day: number): MatchedTariff[] {
  const byPayer = new Map<string, MatchedTariff>();
  for (const c of candidates) {
    if (day < c.first || day > c.last) continue;
    const payer = `${c.tariff.funder}\u0000${c.tariff.currency}`;
    const best = byPayer.get(payer);
    if (!best || beats(c, best)) byPayer.set(payer, c);
  }
  return [...byPayer.values()];
}

function beats(a: MatchedTariff, b: MatchedTariff): boolean {
  if (a.specificity !== b.specificity) return a.specificity > b.specificity;
  if (a.tariff.validFrom !== b.tariff.validFrom) return a.tariff.validFrom > b.tariff.validFrom;
  return a.tariff.tariffId < b.tariff.tariffId;
}

function normalise(value: string): string {
  return value.trim().toLowerCase();
}
