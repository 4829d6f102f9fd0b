import { z } from 'zod';
import { common, id, label } from '../fields.js';
import { entry } from './entry.js';

export const TRAINING_SETTINGS = ['ordinary', 'adapted'] as const;
export const TRAINING_OUTCOMES = ['completed', 'failed', 'abandoned'] as const;
const EP = '018f0000-00e1-7000-8000-000000000005';

export const TRAINING_EVENTS = {
  TrainingStarted: entry({
    version: 1,
    field: 'training',
    summary: 'A training starts, in an ordinary or adapted setting, qualifying or not.',
    sources: 'L807, L1882',
    episode: { kind: 'training', role: 'start' },
    schema: z.object({ ...common, episodeId: id, setting: z.enum(TRAINING_SETTINGS), qualifying: z.boolean().optional(), title: label(200).optional() }).strict(),
    example: { occurredAt: '2007', provenance: 'interview', episodeId: EP, setting: 'ordinary' },
  }),
  TrainingEnded: entry({
    version: 1,
    field: 'training',
    summary: 'The training ends: completed, failed or abandoned.',
    sources: 'L807',
    episode: { kind: 'training', role: 'end' },
    schema: z.object({ ...common, episodeId: id, outcome: z.enum(TRAINING_OUTCOMES) }).strict(),
    example: { occurredAt: '2007', provenance: 'interview', episodeId: EP, outcome: 'failed' },
  }),
  QualificationObtained: entry({
    version: 1,
    field: 'training',
    summary: 'A qualification (diploma, certificate) is obtained.',
    sources: 'L820',
    schema: z.object({ ...common, title: label(200), level: label(80).optional() }).strict(),
    example: { occurredAt: '2014', provenance: 'self_report', title: 'Web developer certificate' },
  }),
  StudiesResumed: entry({
    version: 1,
    field: 'training',
    summary: 'The person decides to resume studies.',
    sources: 'L820, L3441',
    schema: z.object({ ...common, title: label(200) }).strict(),
    example: { occurredAt: '2012', provenance: 'interview', title: 'web-master studies' },
  }),
};
