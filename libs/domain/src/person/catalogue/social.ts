import { z } from 'zod';
import { common, id, label } from '../fields.js';
import { entry } from './entry.js';

export const HOUSING_STATUSES = [
  'street',
  'squat',
  'emergency_shelter',
  'chrs',
  'residential_care',
  'supported_housing',
  'family',
  'own_tenancy',
  'prison',
  'other',
] as const;
export const INCOME_SOURCES = ['wages', 'rsa', 'aah', 'unemployment_benefit', 'cpas_integration_income', 'none', 'other'] as const;
export const JUSTICE_MEASURES = ['probation', 'community_service', 'electronic_monitoring', 'other'] as const;
const EP = '018f0000-00e1-7000-8000-00000000000d';

export const SOCIAL_EVENTS = {
  HousingStatusChanged: entry({
    version: 1,
    field: 'social',
    summary: 'Housing changes (street, shelter, CHRS, supported housing, own tenancy, prison...).',
    sources: 'L112, L621, L1060',
    schema: z.object({ ...common, status: z.enum(HOUSING_STATUSES) }).strict(),
    example: { occurredAt: '2010', provenance: 'self_report', status: 'own_tenancy' },
  }),
  IncomeSourceChanged: entry({
    version: 1,
    field: 'social',
    summary: 'The main income source changes (wages, RSA, AAH, unemployment benefit, none).',
    sources: 'L1489, L1883, 003',
    schema: z.object({ ...common, source: z.enum(INCOME_SOURCES) }).strict(),
    example: { occurredAt: '2012', provenance: 'self_report', source: 'wages' },
  }),
  Incarcerated: entry({
    version: 1,
    field: 'social',
    summary: 'The person goes to prison.',
    sources: 'L319',
    episode: { kind: 'incarceration', role: 'start' },
    schema: z.object({ ...common, episodeId: id }).strict(),
    example: { occurredAt: '2001', provenance: 'service_record', episodeId: EP },
  }),
  Released: entry({
    version: 1,
    field: 'social',
    summary: 'Release from prison.',
    sources: 'L319',
    episode: { kind: 'incarceration', role: 'end' },
    schema: z.object({ ...common, episodeId: id }).strict(),
    example: { occurredAt: '2002', provenance: 'service_record', episodeId: EP },
  }),
  JusticeMeasureStarted: entry({
    version: 1,
    field: 'social',
    summary: 'A justice measure starts (probation with the SPIP, community service with its hours).',
    sources: 'L319, L2700',
    episode: { kind: 'justice_measure', role: 'start' },
    schema: z.object({ ...common, episodeId: id, measure: z.enum(JUSTICE_MEASURES), hours: z.int().min(1).max(2000).optional() }).strict(),
    example: { occurredAt: '2002', provenance: 'service_record', episodeId: EP, measure: 'community_service', hours: 120 },
  }),
  JusticeMeasureEnded: entry({
    version: 1,
    field: 'social',
    summary: 'The justice measure ends.',
    sources: 'L2700',
    episode: { kind: 'justice_measure', role: 'end' },
    schema: z.object({ ...common, episodeId: id, outcome: label(300).optional() }).strict(),
    example: { occurredAt: '2003', provenance: 'service_record', episodeId: EP },
  }),
};
