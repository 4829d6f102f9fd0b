import { z } from 'zod';
import { common, id, label, organisationRef, validTime } from '../fields.js';
import { entry } from './entry.js';

export const GENDERS = ['female', 'male', 'non_binary', 'unknown'] as const;
export const REFERRAL_INITIATORS = ['professional', 'self', 'relative', 'justice'] as const;
export const CONSENT_SCOPES = ['care_sharing', 'research'] as const;
/** The lanes of a parcours a service can belong to. */
export const LANES = ['care', 'training', 'employment', 'social'] as const;

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

const org = { organisation: { name: 'CSAPA Liège' } };
/** IAE exit categories (sorties dynamiques), plus the rest. */
export const PROGRAMME_EXITS = ['durable_employment', 'transition_employment', 'positive_exit', 'other_exit', 'unknown'] as const;

export const PERSON_FACTS = {
  PersonRegistered: entry({
    version: 2,
    field: 'person',
    summary: 'The person enters Parcours under a pseudonym; identity is kept apart.',
    sources: 'DOMAIN.md §4, §8',
    schema: z
      .object({
        ...common,
        pseudonym: label(80),
        birthYear: z.int().min(1900).max(2100).optional(),
        gender: z.enum(GENDERS).optional(),
        identity: identitySchema.optional(),
      })
      .strict(),
    example: { occurredAt: '2003', provenance: 'interview', pseudonym: 'Chris', birthYear: 1980, gender: 'male' },
  }),
  ReferralMade: entry({
    version: 2,
    field: 'person',
    summary: 'A professional (or the person, a relative, justice) sends the person to another service.',
    sources: 'L801, L811, L832, L866',
    schema: z
      .object({
        ...common,
        referralId: id,
        from: organisationRef,
        to: organisationRef,
        initiator: z.enum(REFERRAL_INITIATORS),
        /** The lane of the referring service (employment → care in L801), when told. */
        fromField: z.enum(LANES).optional(),
        reason: label(500).optional(),
        appointmentKept: z.boolean().optional(),
      })
      .strict(),
    example: {
      occurredAt: '2003',
      provenance: 'interview',
      fromField: 'employment',
      referralId: '018f0000-00f0-7000-8000-000000000001',
      from: { name: 'Public employment service', role: 'employment counsellor' },
      to: { name: 'Addiction service' },
      initiator: 'professional',
    },
  }),
  ReferralFollowedUp: entry({
    version: 1,
    field: 'person',
    summary: 'Whether the person went to the service they were referred to (known later).',
    sources: 'L832-836 (appointment kept?)',
    schema: z.object({ ...common, referralId: id, appointmentKept: z.boolean() }).strict(),
    example: { occurredAt: '2003', provenance: 'service_record', referralId: '018f0000-00f0-7000-8000-000000000001', appointmentKept: true },
  }),
  ReferentAssigned: entry({
    version: 1,
    field: 'person',
    summary: 'A professional becomes responsible for the person across episodes (référent).',
    sources: 'L811, L866',
    schema: z.object({ ...common, role: label(120) }).strict(),
    example: { occurredAt: '2009-41', provenance: 'interview', role: 'psychosocial référent', ...org },
  }),
  ReferentChanged: entry({
    version: 1,
    field: 'person',
    summary: 'The référent changes.',
    sources: 'L816',
    schema: z.object({ ...common, role: label(120), reason: label(500).optional() }).strict(),
    example: { occurredAt: '2011', provenance: 'interview', role: 'activation agent' },
  }),
  LostToFollowUp: entry({
    version: 1,
    field: 'person',
    summary: 'The services lose contact with the person (perdu de vue).',
    sources: 'L836, L3434; 004',
    schema: z.object({ ...common, lastContact: validTime.optional() }).strict(),
    example: { occurredAt: '2008', provenance: 'service_record', lastContact: '2008-03' },
  }),
  FollowUpResumed: entry({
    version: 1,
    field: 'person',
    summary: 'Contact is re-established after a loss to follow-up.',
    sources: 'L836',
    schema: z.object({ ...common }).strict(),
    example: { occurredAt: '2009', provenance: 'service_record' },
  }),
  ConsentRecorded: entry({
    version: 1,
    field: 'person',
    summary: 'The person agrees to share their data for a purpose (care sharing, research).',
    sources: 'L2008-2013',
    schema: z.object({ ...common, scope: z.enum(CONSENT_SCOPES) }).strict(),
    example: { occurredAt: '2012-11', provenance: 'caseworker_observation', scope: 'research' },
  }),
  ConsentWithdrawn: entry({
    version: 1,
    field: 'person',
    summary: 'The person withdraws a consent.',
    sources: 'L2008-2013',
    schema: z.object({ ...common, scope: z.enum(CONSENT_SCOPES) }).strict(),
    example: { occurredAt: '2013', provenance: 'caseworker_observation', scope: 'research' },
  }),
  ProgrammeEntered: entry({
    version: 1,
    field: 'person',
    summary: 'The person enters a programme (e.g. Article 23): cohorts and canvas periods hang on it.',
    sources: 'L799-822, L859-862',
    schema: z.object({ ...common, programmeId: id, programmeName: label(200).optional() }).strict(),
    example: { occurredAt: '2009-41', provenance: 'service_record', programmeId: '018f0000-0000-7000-8000-0000000a2300', programmeName: 'Article 23' },
  }),
  ProgrammeExited: entry({
    version: 1,
    field: 'person',
    summary: 'The person leaves the programme, with the exit destination (sortie dynamique or not).',
    sources: 'DOMAIN.md §2 (sorties dynamiques)',
    schema: z.object({ ...common, programmeId: id, destination: z.enum(PROGRAMME_EXITS).optional() }).strict(),
    example: { occurredAt: '2012', provenance: 'service_record', programmeId: '018f0000-0000-7000-8000-0000000a2300', destination: 'durable_employment' },
  }),
  PersonErased: entry({
    version: 1,
    field: 'person',
    summary: "The person's identity and free text are made unreadable (crypto-shredding); nothing may follow.",
    sources: 'DOMAIN.md §8',
    schema: z.object({ ...common, reason: label(500) }).strict(),
    example: { occurredAt: '2020', provenance: 'service_record', reason: 'request of the person (GDPR art. 17)' },
  }),
};
