import type { PersonEventType, PROVENANCES } from '@parcours/domain';

export type Provenance = (typeof PROVENANCES)[number];

export type OrganisationName = {
  readonly name?: string;
  readonly role?: string;
};

/**
 * One line of the ndjson import format (test/fixtures/chris.ndjson): the envelope beside `data`,
 * the type's own fields in it. There is no recorded time: the store stamps it when it appends,
 * because the importer takes no recording-time hint.
 */
export interface CohortLine {
  readonly person: string;
  readonly eventId: string;
  readonly type: PersonEventType;
  readonly occurredAt: string;
  readonly provenance: Provenance;
  readonly organisation?: OrganisationName;
  readonly after?: string;
  readonly note?: string;
  readonly data: Record<string, unknown>;
}

/** A person: their lines in recording order, PersonRegistered first. */
export type CohortPerson = readonly CohortLine[];

export interface CohortOptions {
  readonly seed: number | string;
  readonly persons: number;
  /** Average number of lines per person (each person draws a target around it). Default 50. */
  readonly eventsPerPerson?: number;
  /** First and last year of the paths' valid time. Defaults 1995 and 2024. */
  readonly start?: number;
  readonly end?: number;
  /**
   * Where the ids' UUIDv7 clock starts (the ids say when they were made, as real ones would).
   * A fixed default keeps ids, hence re-loads, reproducible: change it and every id changes.
   */
  readonly recordedFrom?: Date;
}

export const COHORT_DEFAULTS = {
  eventsPerPerson: 50,
  start: 1995,
  end: 2024,
  recordedFrom: new Date('2025-01-01T00:00:00Z'),
} as const;

/**
 * Programmes the synthetic persons enter. Article 23 has the id Chris's fixture uses, so that
 * programme views put Chris and the synthetic cohort together.
 */
export const SYNTHETIC_PROGRAMMES = {
  article23: { programmeId: '018f0000-0000-7000-8000-0000000a2300', programmeName: 'Article 23' },
  aciWorkshop: { programmeId: '018f0000-0000-7000-8000-0000000ac100', programmeName: 'ACI workshop' },
} as const;
