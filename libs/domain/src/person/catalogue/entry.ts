import type { z } from 'zod';

/** The lanes of a parcours (DOMAIN.md §2), plus the person's own facts and the analysis. */
export const FIELDS = ['person', 'care', 'training', 'employment', 'social', 'analysis', 'cost', 'correction'] as const;
export type Field = (typeof FIELDS)[number];

/** Kinds of episode, used by projections and tariffs. */
export const EPISODE_KINDS = [
  'care_follow_up',
  'hospital_stay',
  'rehabilitation',
  'substitution_treatment',
  'relapse',
  'training',
  'workshop',
  'job_coaching',
  'internship',
  'job',
  'peer_role',
  'incarceration',
  'justice_measure',
] as const;
export type EpisodeKind = (typeof EPISODE_KINDS)[number];

export interface CatalogueEntry<S extends z.ZodType = z.ZodType> {
  /** Schema version of the data; older stored versions are upcast (upcasting.ts). */
  readonly version: number;
  readonly field: Field;
  readonly summary: string;
  /** Where the sources call for it (line numbers in the 2012 book, or seed file). */
  readonly sources: string;
  /** Episode events open or close an episode identified by `episodeId`. */
  readonly episode?: { readonly kind: EpisodeKind; readonly role: 'start' | 'end' };
  readonly schema: S;
  readonly example: z.input<S>;
}

/** Keeps each entry's schema type while checking the entry's shape. */
export function entry<S extends z.ZodType>(e: CatalogueEntry<S>): CatalogueEntry<S> {
  return e;
}
