import type { z } from 'zod';
import { ANALYSIS_EVENTS } from './catalogue/analysis.js';
import { CARE_EVENTS } from './catalogue/care.js';
import { EMPLOYMENT_EVENTS } from './catalogue/employment.js';
import type { CatalogueEntry } from './catalogue/entry.js';
import { PERSON_FACTS } from './catalogue/person-facts.js';
import { SOCIAL_EVENTS } from './catalogue/social.js';
import { TRAINING_EVENTS } from './catalogue/training.js';

/**
 * The person stream's event catalogue (`person-<uuid>`), after DOMAIN.md §4, one file per field
 * in ./catalogue. Each type has a data schema (zod: validation, TypeScript type and JSON schema
 * from one place), a schema version (older stored versions are upcast, see upcasting.ts), an
 * example, and for episode events the kind of episode it opens or closes.
 */
export const PERSON_EVENT_CATALOGUE = {
  ...PERSON_FACTS,
  ...CARE_EVENTS,
  ...TRAINING_EVENTS,
  ...EMPLOYMENT_EVENTS,
  ...SOCIAL_EVENTS,
  ...ANALYSIS_EVENTS,
} as const;

type Catalogue = typeof PERSON_EVENT_CATALOGUE;
export type PersonEventType = keyof Catalogue;
export type PersonEventData<T extends PersonEventType> = z.output<Catalogue[T]['schema']>;

/** The discriminated union of every person event. */
export type PersonEvent = { [T in PersonEventType]: { readonly type: T; readonly data: PersonEventData<T> } }[PersonEventType];
export type PersonEventOf<T extends PersonEventType> = Extract<PersonEvent, { type: T }>;

/** A person event with the id it is (or will be) stored under: ids are passed in, never made here. */
export type IdentifiedPersonEvent = PersonEvent & { readonly eventId: string };

export const PERSON_EVENT_TYPES = Object.keys(PERSON_EVENT_CATALOGUE) as PersonEventType[];

export function isPersonEventType(type: string): type is PersonEventType {
  return Object.hasOwn(PERSON_EVENT_CATALOGUE, type);
}

export function catalogueEntry(type: PersonEventType): CatalogueEntry {
  return PERSON_EVENT_CATALOGUE[type] as CatalogueEntry;
}

/** For an episode end type, its start type (HospitalDischarged → HospitalAdmitted). */
export const EPISODE_START_OF: Partial<Record<PersonEventType, PersonEventType>> = Object.fromEntries(
  PERSON_EVENT_TYPES.flatMap((end) => {
    const e = catalogueEntry(end).episode;
    if (e?.role !== 'end') return [];
    const start = PERSON_EVENT_TYPES.find((s) => catalogueEntry(s).episode?.kind === e.kind && catalogueEntry(s).episode?.role === 'start');
    return start ? [[end, start]] : [];
  }),
);

export { FIELDS, EPISODE_KINDS, type Field, type EpisodeKind, type CatalogueEntry } from './catalogue/entry.js';
export { GENDERS, REFERRAL_INITIATORS, CONSENT_SCOPES, LANES, PROGRAMME_EXITS, identitySchema } from './catalogue/person-facts.js';
export { CARE_SETTINGS, HOSPITAL_KINDS, COURSES, REHABILITATION_OUTCOMES, MEDICATIONS, RELAPSE_CONTEXTS } from './catalogue/care.js';
export { TRAINING_SETTINGS, TRAINING_OUTCOMES } from './catalogue/training.js';
export {
  WORKSHOP_DESTINATIONS,
  INTERNSHIP_OUTCOMES,
  CONTRACTS,
  LABOUR_MARKETS,
  EMPLOYMENT_END_REASONS,
  COOPERATIVE_STAGES,
  PEER_STATUSES,
} from './catalogue/employment.js';
export { HOUSING_STATUSES, INCOME_SOURCES, JUSTICE_MEASURES } from './catalogue/social.js';
export { COST_CATEGORIES } from './catalogue/analysis.js';
export { PROVENANCES } from './fields.js';
