import { z } from 'zod';
import { common, id, label } from '../fields.js';
import { entry } from './entry.js';

export const CARE_SETTINGS = ['addiction_outpatient', 'harm_reduction', 'youth_consultation', 'residential', 'therapeutic_community', 'other'] as const;
export const HOSPITAL_KINDS = ['general', 'psychiatric', 'detox'] as const;
/** How a stay went, as the sources say it ("se passe mal"). */
export const COURSES = ['went_well', 'went_badly', 'unknown'] as const;
export const REHABILITATION_OUTCOMES = ['completed', 'interrupted', 'transferred', 'unknown'] as const;
export const MEDICATIONS = ['methadone', 'buprenorphine', 'other'] as const;
export const RELAPSE_CONTEXTS = ['during_training', 'during_employment', 'after_prison', 'after_care', 'other'] as const;

const episodeId = id;
const EP = '018f0000-00e1-7000-8000-000000000003';

export const CARE_EVENTS = {
  CareEpisodeStarted: entry({
    version: 2,
    field: 'care',
    summary: 'A follow-up starts in an addiction service (CSAPA, harm reduction, youth consultation, residential).',
    sources: 'L802, L313-403',
    episode: { kind: 'care_follow_up', role: 'start' },
    schema: z.object({ ...common, episodeId, setting: z.enum(CARE_SETTINGS) }).strict(),
    example: { occurredAt: '2003', provenance: 'interview', episodeId: EP, setting: 'addiction_outpatient', organisation: { name: 'Addiction service' } },
  }),
  CareEpisodeEnded: entry({
    version: 2,
    field: 'care',
    summary: 'The follow-up ends.',
    sources: 'L802',
    episode: { kind: 'care_follow_up', role: 'end' },
    schema: z.object({ ...common, episodeId, reason: label(500).optional() }).strict(),
    example: { occurredAt: '2013', provenance: 'service_record', episodeId: EP },
  }),
  HospitalAdmitted: entry({
    version: 1,
    field: 'care',
    summary: 'Admission to hospital (general, psychiatric, detox); readmission flagged.',
    sources: 'L804, L807',
    episode: { kind: 'hospital_stay', role: 'start' },
    schema: z.object({ ...common, episodeId, kind: z.enum(HOSPITAL_KINDS), course: z.enum(COURSES).optional(), readmission: z.boolean().optional() }).strict(),
    example: { occurredAt: '2004', provenance: 'interview', episodeId: EP, kind: 'general', course: 'went_badly' },
  }),
  HospitalDischarged: entry({
    version: 1,
    field: 'care',
    summary: 'Discharge from hospital.',
    sources: 'L804',
    episode: { kind: 'hospital_stay', role: 'end' },
    schema: z.object({ ...common, episodeId, course: z.enum(COURSES).optional(), againstMedicalAdvice: z.boolean().optional() }).strict(),
    example: { occurredAt: '2004-05', provenance: 'service_record', episodeId: EP },
  }),
  HospitalisationAverted: entry({
    version: 1,
    field: 'care',
    summary: 'An outpatient team diverts an emergency hospitalisation.',
    sources: 'L764-767',
    schema: z.object({ ...common, context: label(500).optional() }).strict(),
    example: { occurredAt: '2010-06', provenance: 'caseworker_observation', organisation: { name: 'Mobile outreach team' } },
  }),
  RehabilitationStarted: entry({
    version: 1,
    field: 'care',
    summary: 'A rehabilitation programme starts (e.g. a Belgian CRF, social skills).',
    sources: 'L805, L809',
    episode: { kind: 'rehabilitation', role: 'start' },
    schema: z.object({ ...common, episodeId, focus: label(200).optional(), course: z.enum(COURSES).optional() }).strict(),
    example: { occurredAt: '2006', provenance: 'interview', episodeId: EP, focus: 'social skills', organisation: { name: 'CRF' } },
  }),
  RehabilitationEnded: entry({
    version: 1,
    field: 'care',
    summary: 'The rehabilitation ends, with its outcome and reason ("instabilité, absences").',
    sources: 'L809',
    episode: { kind: 'rehabilitation', role: 'end' },
    schema: z.object({ ...common, episodeId, outcome: z.enum(REHABILITATION_OUTCOMES), reason: label(500).optional() }).strict(),
    example: { occurredAt: '2009-40', provenance: 'interview', episodeId: EP, outcome: 'interrupted', reason: 'instability, absences' },
  }),
  SubstitutionTreatmentStarted: entry({
    version: 1,
    field: 'care',
    summary: 'An opioid substitution treatment starts.',
    sources: 'L341, L1380',
    episode: { kind: 'substitution_treatment', role: 'start' },
    schema: z.object({ ...common, episodeId, medication: z.enum(MEDICATIONS) }).strict(),
    example: { occurredAt: '2005', provenance: 'service_record', episodeId: EP, medication: 'methadone' },
  }),
  SubstitutionTreatmentStopped: entry({
    version: 1,
    field: 'care',
    summary: 'The substitution treatment stops.',
    sources: 'L341',
    episode: { kind: 'substitution_treatment', role: 'end' },
    schema: z.object({ ...common, episodeId, reason: label(500).optional() }).strict(),
    example: { occurredAt: '2008', provenance: 'service_record', episodeId: EP },
  }),
  RelapseOccurred: entry({
    version: 1,
    field: 'care',
    summary: 'A relapse, with its context (during a training, after prison...). A dated fact, never a label.',
    sources: 'L807, L822, L1013-1018',
    episode: { kind: 'relapse', role: 'start' },
    schema: z.object({ ...common, episodeId, context: z.enum(RELAPSE_CONTEXTS).optional() }).strict(),
    example: { occurredAt: '2007', provenance: 'interview', episodeId: EP, context: 'during_training' },
  }),
  RelapseContained: entry({
    version: 1,
    field: 'care',
    summary: 'The relapse is contained.',
    sources: 'L822',
    episode: { kind: 'relapse', role: 'end' },
    schema: z.object({ ...common, episodeId, how: label(500).optional() }).strict(),
    example: { occurredAt: '2007', provenance: 'interview', episodeId: EP },
  }),
};
