import { z } from 'zod';
import { amount, common, currency, id, label, note } from '../fields.js';
import { entry } from './entry.js';

export const COST_CATEGORIES = ['care', 'training', 'employment', 'housing', 'income_support', 'justice', 'coordination', 'other'] as const;

export const ANALYSIS_EVENTS = {
  ArticulationAssessed: entry({
    version: 1,
    field: 'analysis',
    summary: 'The link between two episodes (different fields or services) is assessed: successful or not, brakes, facilitators.',
    sources: 'L853-857, L791',
    schema: z
      .object({
        ...common,
        fromEpisodeId: id,
        toEpisodeId: id,
        successful: z.boolean(),
        brakes: z.array(label(200)).max(20).default([]),
        facilitators: z.array(label(200)).max(20).default([]),
        assessor: label(120),
      })
      .strict(),
    example: {
      occurredAt: '2012-11',
      provenance: 'interview',
      fromEpisodeId: '018f0000-00e1-7000-8000-000000000001',
      toEpisodeId: '018f0000-00e1-7000-8000-000000000009',
      successful: true,
      brakes: [],
      facilitators: ['référent present throughout'],
      assessor: 'researcher',
    },
  }),
  NarrativeRecorded: entry({
    version: 2,
    field: 'analysis',
    summary: 'A statement not broken into dated events ("Les hospitalisations se sont espacées, puis interrompues").',
    sources: 'L821',
    schema: z.object({ ...common, text: note }).strict(),
    example: { occurredAt: '2012', provenance: 'interview', text: 'Hospitalisations became rarer, then stopped.' },
  }),
  CostRecorded: entry({
    version: 1,
    field: 'cost',
    summary: 'A cost actually incurred: amount, currency, funder, category, and the episode it belongs to.',
    sources: 'L797',
    schema: z
      .object({ ...common, amount, currency: currency.default('EUR'), funder: label(120), category: z.enum(COST_CATEGORIES), episodeId: id.optional() })
      .strict(),
    example: { occurredAt: '2010', provenance: 'service_record', amount: '1619.00', currency: 'EUR', funder: 'State (illustrative)', category: 'employment' },
  }),
  EventCorrected: entry({
    version: 1,
    field: 'correction',
    summary: 'Replaces the data of an earlier event of this person; the original stays in the history.',
    sources: 'DOMAIN.md §4 (nothing is edited in place)',
    schema: z.object({ ...common, targetEventId: id, replacement: z.record(z.string(), z.unknown()), reason: label(500) }).strict(),
    example: {
      occurredAt: '2012-11',
      provenance: 'interview',
      targetEventId: '018f0000-0001-7000-8000-000000000004',
      replacement: { occurredAt: '2004-03', provenance: 'service_record', episodeId: '018f0000-00e1-7000-8000-000000000003', kind: 'general' },
      reason: 'hospital record gives the month',
    },
  }),
  EventRetracted: entry({
    version: 1,
    field: 'correction',
    summary: 'Withdraws an earlier event of this person (recorded in error); the original stays in the history.',
    sources: 'DOMAIN.md §4',
    schema: z.object({ ...common, targetEventId: id, reason: label(500) }).strict(),
    example: { occurredAt: '2012-11', provenance: 'caseworker_observation', targetEventId: '018f0000-0001-7000-8000-000000000004', reason: 'recorded for the wrong person' },
  }),
};
