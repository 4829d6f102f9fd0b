import { z } from 'zod';
import type { ReferenceCatalogueEvent, ReferenceEventCatalogue } from '../catalogue.js';
import { amountToCents, currencyCode, DECIMAL_AMOUNT, decimalAmount, id, isoDate, label } from '../reference-fields.js';

/**
 * The tariff stream (`tariff-<uuid>`): what a day or an event of some kind of episode costs, who
 * pays it, and from when. The sources give no unit costs, so tariffs are data each organisation
 * loads; anything that is not a real public figure is flagged `illustrative`.
 */
export const TARIFF_CATEGORY = 'tariff';

/**
 * The kinds of episode a tariff prices. Where the person catalogue names the same kind
 * (EPISODE_KINDS), the name is the same, so a cost projection can join without a mapping.
 */
export const TARIFF_EPISODE_KINDS = [
  'care_episode',
  'care_follow_up',
  'harm_reduction',
  'substitution_treatment',
  'hospital_stay',
  'residential_care',
  'rehabilitation',
  'training',
  'workshop',
  'insertion_post',
  'internship',
  'job_coaching',
  'job',
  'peer_role',
  'housing_support',
  'incarceration',
  'justice_measure',
  'other',
] as const;
export type TariffEpisodeKind = (typeof TARIFF_EPISODE_KINDS)[number];

export const TARIFF_BASES = ['per_day', 'per_event'] as const;
export type TariffBasis = (typeof TARIFF_BASES)[number];

export const DEFAULT_TARIFF_CURRENCY = 'EUR';

const tariffSetSchema = z
  .object({
    episodeKind: z.enum(TARIFF_EPISODE_KINDS),
    setting: label(100).optional(),
    organisationId: id.optional(),
    basis: z.enum(TARIFF_BASES),
    /** The amount as written ("23921.00"): money is never a float. */
    amount: decimalAmount,
    /** The same amount in cents, for sums that must not drift. */
    amountCents: z.int().min(0),
    currency: currencyCode.default(DEFAULT_TARIFF_CURRENCY),
    funder: label(200),
    validFrom: isoDate,
    validTo: isoDate.optional(),
    /** True unless the amount is a real public figure (then say where from in `source`). */
    illustrative: z.boolean().default(true),
    source: label(500).optional(),
  })
  .strict()
  .refine((data) => !DECIMAL_AMOUNT.test(data.amount) || data.amountCents === amountToCents(data.amount), {
    path: ['amountCents'],
    message: 'must be the amount in cents',
    params: { rule: 'amountCents' },
  });

export const TARIFF_EVENT_CATALOGUE = {
  TariffSet: { version: 1, schema: tariffSetSchema },
  TariffWithdrawn: {
    version: 1,
    schema: z.object({ reason: label(500), at: isoDate }).strict(),
  },
} as const satisfies ReferenceEventCatalogue;

export type TariffEventType = keyof typeof TARIFF_EVENT_CATALOGUE;
export type TariffEvent = ReferenceCatalogueEvent<typeof TARIFF_EVENT_CATALOGUE>;
export type TariffEventOf<T extends TariffEventType> = Extract<TariffEvent, { type: T }>;
export type TariffEventData<T extends TariffEventType> = TariffEventOf<T>['data'];

export const TARIFF_EVENT_TYPES = Object.keys(TARIFF_EVENT_CATALOGUE) as TariffEventType[];

export function tariffStream(tariffId: string): string {
  return `${TARIFF_CATEGORY}-${tariffId}`;
}

/** TariffSet data from input that gives the amount only: adds `amountCents` when it can. */
export function withAmountCents(input: Record<string, unknown>): Record<string, unknown> {
  const { amount } = input;
  return typeof amount === 'string' && DECIMAL_AMOUNT.test(amount) ? { ...input, amountCents: amountToCents(amount) } : input;
}
