import { emptySummary, instant, type PersonSummary, type SummaryEpisode } from '../analytics/person-summary.js';
import type { EpisodeKind, Field } from '../person/catalogue/entry.js';
import { parseValidTime } from '../time/valid-time.js';
import type { Tariff } from './tariff.js';

/** Builders for the cost specs: summaries and tariffs from EDTF dates, as the projection makes them. */

export const at = (edtf: string) => instant(parseValidTime(edtf));

const FIELD_OF: Partial<Record<EpisodeKind, Field>> = { training: 'training', workshop: 'employment', job_coaching: 'employment', job: 'employment' };

export function episode(kind: EpisodeKind, start: string, end: string | 'open' | 'unknown', extra: Partial<SummaryEpisode> = {}): SummaryEpisode {
  return {
    episodeId: `ep-${kind}-${start}`,
    kind,
    field: FIELD_OF[kind] ?? 'care',
    start: at(start),
    end: end === 'open' || end === 'unknown' ? null : at(end),
    endStatus: end === 'open' ? 'open' : end === 'unknown' ? 'unknown' : 'ended',
    organisationId: null,
    organisationName: null,
    details: {},
    ...extra,
  };
}

export function person(personId: string, overrides: Partial<PersonSummary> = {}): PersonSummary {
  const base = { ...emptySummary(personId), revision: 1, gender: 'male', birthYear: 1980, researchConsent: true };
  return { ...base, registeredAt: at('2000'), firstContact: at('2000'), ...overrides };
}

export function tariff(tariffId: string, data: Partial<Tariff> & Pick<Tariff, 'episodeKind' | 'amountCents'>): Tariff {
  return {
    tariffId,
    setting: null,
    organisationId: null,
    basis: 'per_day',
    currency: 'EUR',
    funder: 'Region',
    validFrom: '2000-01-01',
    validTo: null,
    withdrawnAt: null,
    illustrative: true,
    source: null,
    ...data,
  };
}

/** The end of a year as a cut-off: what cohortCutoff gives for the EDTF year. */
export const endOf = (year: number) => Date.parse(`${year}-12-31T23:59:59.999Z`);
