import { z } from 'zod';
import { id, label, note, organisationRef, validTime } from './fields.js';

/**
 * The person stream's event catalogue (`person-<uuid>`), after DOMAIN.md §4.
 * Each type has a data schema (zod: validation, TypeScript type and JSON schema from one place)
 * and a schema version, stored in the event metadata so old events can be upcast.
 * Every event says when it happened (`occurredAt`, EDTF valid time).
 */

const common = { occurredAt: validTime };

export const GENDERS = ['female', 'male', 'non_binary', 'unknown'] as const;
export const REFERRAL_INITIATORS = ['professional', 'self', 'relative', 'justice'] as const;
export const CARE_SETTINGS = ['addiction_outpatient', 'harm_reduction', 'youth_consultation', 'residential', 'therapeutic_community', 'other'] as const;

/** Identifying data, kept apart from the path so it can be encrypted per person and erased. */
export const identitySchema = z
  .object({
    firstName: label(100).optional(),
    lastName: label(100).optional(),
    birthDate: z.iso.date({ message: 'must be a date YYYY-MM-DD' }).optional(),
    phone: label(40).optional(),
    email: z.email({ message: 'must be an e-mail address' }).optional(),
    address: label(300).optional(),
  })
  .strict();

export const PERSON_EVENT_CATALOGUE = {
  PersonRegistered: {
    version: 1,
    field: 'person',
    schema: z
      .object({
        ...common,
        pseudonym: label(80),
        birthYear: z.int().min(1900).max(2100).optional(),
        gender: z.enum(GENDERS).optional(),
        identity: identitySchema.optional(),
      })
      .strict(),
  },
  ReferralMade: {
    version: 1,
    field: 'person',
    schema: z
      .object({
        ...common,
        from: organisationRef,
        to: organisationRef,
        initiator: z.enum(REFERRAL_INITIATORS),
        reason: label(500).optional(),
        appointmentKept: z.boolean().optional(),
      })
      .strict(),
  },
  CareEpisodeStarted: {
    version: 1,
    field: 'care',
    schema: z.object({ ...common, episodeId: id, setting: z.enum(CARE_SETTINGS), organisation: organisationRef.optional() }).strict(),
  },
  CareEpisodeEnded: {
    version: 1,
    field: 'care',
    schema: z.object({ ...common, episodeId: id, reason: label(500).optional() }).strict(),
  },
  NarrativeRecorded: {
    version: 1,
    field: 'analysis',
    schema: z.object({ ...common, text: note }).strict(),
  },
} as const;

type Catalogue = typeof PERSON_EVENT_CATALOGUE;
export type PersonEventType = keyof Catalogue;
export type PersonEventData<T extends PersonEventType> = z.infer<Catalogue[T]['schema']>;

/** The discriminated union of every person event. */
export type PersonEvent = { [T in PersonEventType]: { readonly type: T; readonly data: PersonEventData<T> } }[PersonEventType];

export const PERSON_EVENT_TYPES = Object.keys(PERSON_EVENT_CATALOGUE) as PersonEventType[];

export function isPersonEventType(type: string): type is PersonEventType {
  return Object.hasOwn(PERSON_EVENT_CATALOGUE, type);
}
