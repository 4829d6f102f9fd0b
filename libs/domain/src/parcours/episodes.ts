import { ENVELOPE_FIELDS } from '../person/catalogue/describe.js';
import { catalogueEntry, type EpisodeKind, type Field } from '../person/events.js';
import type { ValidTime } from '../time/valid-time.js';
import type { ParcoursFact } from './parcours-state.js';
import type { TimedFact } from './ordering.js';
import type { EpisodeView, FactView, OrganisationRef } from './view.js';

/** Kinds that always end, soon: without a recorded end, the end is unknown rather than open. */
const SELF_LIMITING: readonly EpisodeKind[] = ['hospital_stay', 'relapse'];

const HIDDEN = new Set<string>([...ENVELOPE_FIELDS, 'identity']);

export function toFactView({ fact, when }: TimedFact): FactView {
  // A loop, not Object.fromEntries(Object.entries(...).filter(...)): every GET and every summary
  // makes one per fact. Same keys in the same order.
  const details: Record<string, unknown> = {};
  for (const key in fact.data) {
    if (HIDDEN.has(key)) continue;
    if (key === '__proto__') Object.defineProperty(details, key, { value: fact.data[key], enumerable: true, writable: true, configurable: true });
    else details[key] = fact.data[key];
  }
  return {
    eventId: fact.eventId,
    type: fact.type,
    field: catalogueEntry(fact.type).field,
    validTime: when,
    provenance: String(fact.data['provenance'] ?? 'unknown'),
    organisation: (fact.data['organisation'] as OrganisationRef | undefined) ?? null,
    note: typeof fact.data['note'] === 'string' ? fact.data['note'] : null,
    details,
    recordedAt: fact.recordedAt,
    corrections: fact.corrections,
  };
}

/** An episode as its facts: what the parcours view and the person's summary are both made of. */
export interface EpisodeSkeleton {
  readonly episodeId: string;
  readonly kind: EpisodeKind;
  readonly field: Field;
  readonly start: TimedFact;
  readonly end: TimedFact | null;
  readonly endStatus: EpisodeView['endStatus'];
  readonly endedBefore: ValidTime | null;
}

/** Episodes from ordered facts: a start opens one, its end (same episodeId) closes it. */
export function buildEpisodes(ordered: readonly TimedFact[]): EpisodeView[] {
  return episodeSkeletons(ordered).map((e) => ({
    episodeId: e.episodeId,
    kind: e.kind,
    field: e.field,
    start: toFactView(e.start),
    end: e.end ? toFactView(e.end) : null,
    endStatus: e.endStatus,
    endedBefore: e.endedBefore,
  }));
}

export function episodeSkeletons(ordered: readonly TimedFact[]): EpisodeSkeleton[] {
  const episodes: Mutable<EpisodeSkeleton>[] = [];
  const byId = new Map<string, Mutable<EpisodeSkeleton>>();
  for (const timed of ordered) {
    const entry = catalogueEntry(timed.fact.type);
    const episode = entry.episode;
    const episodeId = episode ? episodeIdOf(timed.fact) : undefined;
    if (!episode || !episodeId) continue;
    if (episode.role === 'start') {
      const skeleton: Mutable<EpisodeSkeleton> = { episodeId, kind: episode.kind, field: entry.field, start: timed, end: null, endStatus: 'open', endedBefore: null };
      byId.set(episodeId, skeleton);
      episodes.push(skeleton);
    } else {
      const skeleton = byId.get(episodeId);
      if (skeleton) {
        skeleton.end = timed;
        skeleton.endStatus = 'ended';
      }
    }
  }
  // An episode without an end: unknown when it must have ended (self-limiting kinds, or another
  // episode of the same kind began later), open otherwise. From the last: the next of each kind.
  const nextOfKind = new Map<EpisodeKind, ValidTime>();
  for (let i = episodes.length - 1; i >= 0; i--) {
    const episode = episodes[i]!;
    if (!episode.end) {
      const next = nextOfKind.get(episode.kind);
      if (next) {
        episode.endStatus = 'unknown';
        episode.endedBefore = next;
      } else if (SELF_LIMITING.includes(episode.kind)) {
        episode.endStatus = 'unknown';
      }
    }
    nextOfKind.set(episode.kind, episode.start.when);
  }
  return episodes;
}

export function episodeIdOf(fact: ParcoursFact): string | undefined {
  const id = fact.data['episodeId'];
  return typeof id === 'string' ? id : undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
