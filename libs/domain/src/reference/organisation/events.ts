import { z } from 'zod';
import type { ReferenceCatalogueEvent, ReferenceEventCatalogue } from '../catalogue.js';
import { countryCode, edtfDate, id, label } from '../reference-fields.js';

/**
 * The organisation stream (`organisation-<uuid>`): services, employers, courts... that people
 * are referred to, and the conventions (partnership agreements) between them.
 */
export const ORGANISATION_CATEGORY = 'organisation';

export const ORGANISATION_TYPES = [
  'addiction_service',
  'hospital',
  /** Centre de rééducation fonctionnelle (CRF). */
  'rehabilitation_centre',
  'insertion_workshop',
  'employer',
  'training_centre',
  'cooperative',
  'justice',
  'employment_service',
  'social_service',
  'housing_service',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const ORGANISATION_EVENT_CATALOGUE = {
  OrganisationRegistered: {
    version: 1,
    schema: z.object({ name: label(200), type: z.enum(ORGANISATION_TYPES), country: countryCode, city: label(100).optional() }).strict(),
  },
  OrganisationRenamed: {
    version: 1,
    schema: z.object({ name: label(200) }).strict(),
  },
  ConventionSigned: {
    version: 1,
    schema: z
      .object({ conventionId: id, withOrganisationId: id, purpose: label(500), since: edtfDate, until: edtfDate.optional() })
      .strict(),
  },
  ConventionEnded: {
    version: 1,
    schema: z.object({ conventionId: id, at: edtfDate }).strict(),
  },
} as const satisfies ReferenceEventCatalogue;

export type OrganisationEventType = keyof typeof ORGANISATION_EVENT_CATALOGUE;
export type OrganisationEvent = ReferenceCatalogueEvent<typeof ORGANISATION_EVENT_CATALOGUE>;
export type OrganisationEventOf<T extends OrganisationEventType> = Extract<OrganisationEvent, { type: T }>;
export type OrganisationEventData<T extends OrganisationEventType> = OrganisationEventOf<T>['data'];

export const ORGANISATION_EVENT_TYPES = Object.keys(ORGANISATION_EVENT_CATALOGUE) as OrganisationEventType[];

export function organisationStream(organisationId: string): string {
  return `${ORGANISATION_CATEGORY}-${organisationId}`;
}
