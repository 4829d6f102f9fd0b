import { z } from 'zod';
import { GENDERS } from '../person/events.js';
import type { ReferenceCatalogueEvent, ReferenceEventCatalogue } from '../reference/catalogue.js';
import { validTime } from '../person/fields.js';

/**
 * The cohort stream (`cohort-<uuid>`): a group of persons that evaluators and researchers follow,
 * defined by rules, never by a list of names. Who belongs is computed from the persons' paths:
 * their entry date (by the entry rule) falls in the entry period, and their attributes match.
 */
export const COHORT_CATEGORY = 'cohort';

/**
 * How a person's entry date into the cohort is found (docs/indicators.md):
 * - programme_entry: the first ProgrammeEntered of the cohort's programme (requires programmeId);
 * - first_episode_at_organisation: the start of the first episode at the cohort's organisation;
 * - first_referral_to_organisation: the first referral to the cohort's organisation;
 * - first_contact: the person's first fact on the path (any service).
 */
export const ENTRY_RULES = ['programme_entry', 'first_episode_at_organisation', 'first_referral_to_organisation', 'first_contact'] as const;
export type EntryRule = (typeof ENTRY_RULES)[number];

const uuid = z.uuid({ message: 'must be a UUID' });

export const cohortDefinitionSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().min(1).max(2000).optional(),
    entryRule: z.enum(ENTRY_RULES),
    programmeId: uuid.optional(),
    organisationId: uuid.optional(),
    /** Entry period (valid time, EDTF): persons whose entry midpoint falls in it. Open when absent. */
    entryFrom: validTime.optional(),
    entryTo: validTime.optional(),
    genders: z.array(z.enum(GENDERS)).min(1).max(GENDERS.length).optional(),
    birthYearFrom: z.int().min(1900).max(2100).optional(),
    birthYearTo: z.int().min(1900).max(2100).optional(),
    /** The date the cohort is observed at: open episodes run to it, the unobserved are censored there. Default: now. */
    cutoff: validTime.optional(),
  })
  .strict()
  .refine((d) => d.entryRule !== 'programme_entry' || d.programmeId, { message: 'programme_entry needs a programmeId', path: ['programmeId'], params: { rule: 'required' } })
  .refine((d) => !d.entryRule.endsWith('_organisation') || d.organisationId, { message: 'this entry rule needs an organisationId', path: ['organisationId'], params: { rule: 'required' } })
  .refine((d) => d.birthYearFrom === undefined || d.birthYearTo === undefined || d.birthYearFrom <= d.birthYearTo, {
    message: 'must not be after birthYearTo',
    path: ['birthYearFrom'],
    params: { rule: 'order' },
  });

export type CohortDefinition = z.output<typeof cohortDefinitionSchema>;

export const COHORT_EVENT_CATALOGUE = {
  CohortDefined: { version: 1, schema: cohortDefinitionSchema },
  CohortRetired: { version: 1, schema: z.object({ reason: z.string().trim().min(1).max(500) }).strict() },
} as const satisfies ReferenceEventCatalogue;

export type CohortEventType = keyof typeof COHORT_EVENT_CATALOGUE;
export type CohortEvent = ReferenceCatalogueEvent<typeof COHORT_EVENT_CATALOGUE>;
export type CohortCommand =
  | { readonly type: 'DefineCohort'; readonly event: Extract<CohortEvent, { type: 'CohortDefined' }> }
  | { readonly type: 'RetireCohort'; readonly event: Extract<CohortEvent, { type: 'CohortRetired' }> };
