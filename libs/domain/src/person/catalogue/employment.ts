import { z } from 'zod';
import { common, id, label, organisationRef } from '../fields.js';
import { entry } from './entry.js';

/** IAE exit categories (sorties dynamiques), plus the rest. */
export const WORKSHOP_DESTINATIONS = ['durable_employment', 'transition_employment', 'positive_exit', 'other_exit', 'unknown'] as const;
export const INTERNSHIP_OUTCOMES = ['completed', 'ended_by_host', 'no_show', 'led_to_hire', 'abandoned'] as const;
export const CONTRACTS = ['cdi', 'cdd', 'temp', 'subsidised', 'apprenticeship', 'civil_service', 'cae_salaried'] as const;
export const LABOUR_MARKETS = ['first', 'second'] as const;
export const EMPLOYMENT_END_REASONS = ['end_of_contract', 'resignation', 'dismissal', 'mutual_agreement', 'business_closed', 'other'] as const;
export const COOPERATIVE_STAGES = ['project_holder', 'salaried_entrepreneur', 'associate'] as const;
export const PEER_STATUSES = ['salaried', 'casual', 'volunteer'] as const;

const EP = '018f0000-00e1-7000-8000-000000000009';
const episodeId = id;

export const EMPLOYMENT_EVENTS = {
  WorkshopEntered: entry({
    version: 1,
    field: 'employment',
    summary: 'Entry into a social-enterprise / insertion workshop (e.g. Article 23 "Infographie", ACI, EI, ETTI).',
    sources: 'L813, L772-790',
    episode: { kind: 'workshop', role: 'start' },
    schema: z.object({ ...common, episodeId, workshop: label(200), measure: label(120).optional() }).strict(),
    example: { occurredAt: '2009-41', provenance: 'interview', episodeId: EP, workshop: 'Infographie', measure: 'Article 23' },
  }),
  WorkshopExited: entry({
    version: 1,
    field: 'employment',
    summary: 'Exit from the workshop, with its destination (sortie dynamique or not).',
    sources: 'L772-790',
    episode: { kind: 'workshop', role: 'end' },
    schema: z.object({ ...common, episodeId, destination: z.enum(WORKSHOP_DESTINATIONS) }).strict(),
    example: { occurredAt: '2011', provenance: 'service_record', episodeId: EP, destination: 'positive_exit' },
  }),
  JobCoachAssigned: entry({
    version: 1,
    field: 'employment',
    summary: 'A job coach ("agent activation, sorte de jobcoach") starts supporting the person.',
    sources: 'L816',
    episode: { kind: 'job_coaching', role: 'start' },
    schema: z.object({ ...common, episodeId, role: label(120).optional(), goal: label(300).optional() }).strict(),
    example: { occurredAt: '2011', provenance: 'interview', episodeId: EP, role: 'activation agent', goal: 'exit project' },
  }),
  JobCoachingEnded: entry({
    version: 1,
    field: 'employment',
    summary: 'The job coaching ends.',
    sources: 'L816',
    episode: { kind: 'job_coaching', role: 'end' },
    schema: z.object({ ...common, episodeId, outcome: label(300).optional() }).strict(),
    example: { occurredAt: '2012', provenance: 'service_record', episodeId: EP },
  }),
  InternshipStarted: entry({
    version: 1,
    field: 'employment',
    summary: 'An internship starts with a host organisation.',
    sources: 'L818, L2449-2456',
    episode: { kind: 'internship', role: 'start' },
    schema: z.object({ ...common, episodeId, host: organisationRef }).strict(),
    example: { occurredAt: '2011', provenance: 'interview', episodeId: EP, host: { name: 'Public social-aid service, multimedia unit' } },
  }),
  InternshipEnded: entry({
    version: 1,
    field: 'employment',
    summary: 'The internship ends: completed, ended by the host, no-show, or led to a hire.',
    sources: 'L819, L2449-2456',
    episode: { kind: 'internship', role: 'end' },
    schema: z.object({ ...common, episodeId, outcome: z.enum(INTERNSHIP_OUTCOMES) }).strict(),
    example: { occurredAt: '2011/2012', provenance: 'interview', episodeId: EP, outcome: 'led_to_hire' },
  }),
  Hired: entry({
    version: 1,
    field: 'employment',
    summary: 'A job starts: employer, contract, first or second labour market, hours.',
    sources: 'L819, L225, L598-601',
    episode: { kind: 'job', role: 'start' },
    schema: z
      .object({
        ...common,
        episodeId,
        employer: organisationRef,
        // Often not told ("il est engagé"): unknown is better than a guess.
        contract: z.enum(CONTRACTS).optional(),
        labourMarket: z.enum(LABOUR_MARKETS).optional(),
        hoursPerWeek: z.number().min(0).max(80).optional(),
        contractMonths: z.int().min(0).max(600).optional(),
      })
      .strict(),
    example: { occurredAt: '2011/2012', provenance: 'interview', episodeId: EP, employer: { name: 'Public social-aid service' }, contract: 'cdd', labourMarket: 'first' },
  }),
  EmploymentEnded: entry({
    version: 1,
    field: 'employment',
    summary: 'The job ends, with its reason.',
    sources: 'L1356',
    episode: { kind: 'job', role: 'end' },
    schema: z.object({ ...common, episodeId, reason: z.enum(EMPLOYMENT_END_REASONS) }).strict(),
    example: { occurredAt: '2014', provenance: 'service_record', episodeId: EP, reason: 'end_of_contract' },
  }),
  CooperativeStageChanged: entry({
    version: 1,
    field: 'employment',
    summary: 'A stage in an activity and employment cooperative (CAE): project holder → salaried entrepreneur → associate.',
    sources: '001 (CAE), 000 (Co\'Opp)',
    schema: z.object({ ...common, stage: z.enum(COOPERATIVE_STAGES), activity: label(200).optional() }).strict(),
    example: { occurredAt: '2015-03', provenance: 'service_record', stage: 'salaried_entrepreneur', activity: 'web design' },
  }),
  PeerRoleStarted: entry({
    version: 1,
    field: 'employment',
    summary: 'The person starts as a peer health mediator (salaried, casual, volunteer).',
    sources: '000, 003',
    episode: { kind: 'peer_role', role: 'start' },
    schema: z.object({ ...common, episodeId, status: z.enum(PEER_STATUSES) }).strict(),
    example: { occurredAt: '2016', provenance: 'service_record', episodeId: EP, status: 'casual' },
  }),
  PeerRoleEnded: entry({
    version: 1,
    field: 'employment',
    summary: 'The peer role ends.',
    sources: '000, 003',
    episode: { kind: 'peer_role', role: 'end' },
    schema: z.object({ ...common, episodeId }).strict(),
    example: { occurredAt: '2017', provenance: 'service_record', episodeId: EP },
  }),
  BusinessCreated: entry({
    version: 1,
    field: 'employment',
    summary: 'The person creates a business (a durable exit in IAE terms).',
    sources: 'L602, L1882',
    schema: z.object({ ...common, activity: label(200).optional(), legalForm: label(80).optional() }).strict(),
    example: { occurredAt: '2018', provenance: 'self_report', activity: 'graphic design' },
  }),
};
