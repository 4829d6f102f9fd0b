import { z } from 'zod';
import type { ReferenceCatalogueEvent, ReferenceEventCatalogue } from '../catalogue.js';
import { id, label, periodBound } from '../reference-fields.js';

/**
 * The programme stream (`programme-<uuid>`): a support programme and the canvas periods its
 * life-path interviews are organised by. Periods belong to the programme, not to the person:
 * Article 23's canvas is "Parcours avant 2000" (../1999), "De 2000 à 2008 : projets Activation"
 * (2000/2008), "De 2009 à 2012 : projet actuel" (2009/2012).
 */
export const PROGRAMME_CATEGORY = 'programme';

export const PROGRAMME_EVENT_CATALOGUE = {
  ProgrammeDefined: {
    version: 1,
    schema: z.object({ name: label(200), description: label(2000).optional(), organisationId: id.optional() }).strict(),
  },
  CanvasPeriodDefined: {
    version: 1,
    schema: z
      .object({ periodId: id, label: label(200), from: periodBound, to: periodBound, order: z.int().min(0).max(10000) })
      .strict(),
  },
  CanvasPeriodRemoved: {
    version: 1,
    schema: z.object({ periodId: id }).strict(),
  },
} as const satisfies ReferenceEventCatalogue;

export type ProgrammeEventType = keyof typeof PROGRAMME_EVENT_CATALOGUE;
export type ProgrammeEvent = ReferenceCatalogueEvent<typeof PROGRAMME_EVENT_CATALOGUE>;
export type ProgrammeEventOf<T extends ProgrammeEventType> = Extract<ProgrammeEvent, { type: T }>;
export type ProgrammeEventData<T extends ProgrammeEventType> = ProgrammeEventOf<T>['data'];

export const PROGRAMME_EVENT_TYPES = Object.keys(PROGRAMME_EVENT_CATALOGUE) as ProgrammeEventType[];

export function programmeStream(programmeId: string): string {
  return `${PROGRAMME_CATEGORY}-${programmeId}`;
}
