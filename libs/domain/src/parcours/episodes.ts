import { ENVELOPE_FIELDS } from '../person/catalogue/describe.js';
import { catalogueEntry, type EpisodeKind } from '../person/events.js';
import type { ParcoursFact } from './parcours-state.js';
import type { TimedFact } from './ordering.js';
import type { EpisodeView, FactView, OrganisationRef } from './view.js';

/** Kinds that always end, soon: without a recorded end, the end is unknown rather than open. */
const SELF_LIMITING: readonly EpisodeKind[] = ['hospital_stay', 'relapse'];

const HIDDEN = new Set<string>([...ENVELOPE_FIELDS, 'identity']);

export function toFactView({ fact, when }: TimedFact): FactView {
  const details = Object.fromEntries(Object.entries(fact.data).filter(([key]) => !HIDDEN.has(key)));
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

/** Episodes from ordered facts: a start opens one, its end (same episodeId) closes it. */
export function buildEpisodes(ordered: readonly TimedFact[]): EpisodeView[] {
  const episodes: { view: Mutable<EpisodeView>; index: number }[] = [];
  const byId = new Map<string, Mutable<EpisodeView>>();
  ordered.forEach((timed, index) => {
    const episode = catalogueEntry(timed.fact.type).episode;
    const episodeId = episodeIdOf(timed.fact);
    if (!episode || !episodeId) return;
    if (episode.role === 'start') {
      const view: Mutable<EpisodeView> = {
        episodeId,
        kind: episode.kind,
        field: catalogueEntry(timed.fact.type).field,
        start: toFactView(timed),
        end: null,
        endStatus: 'open',
        endedBefore: null,
      };
      byId.set(episodeId, view);
      episodes.push({ view, index });
    } else {
      const view = byId.get(episodeId);
      if (view) {
        view.end = toFactView(timed);
        view.endStatus = 'ended';
      }
    }
  });
  // An episode without an end: unknown when it must have ended (self-limiting kinds, or another
  // episode of the same kind began later), open otherwise.
  episodes.forEach(({ view }, i) => {
    if (view.end) return;
    const next = episodes.slice(i + 1).find((e) => e.view.kind === view.kind);
    if (next) {
      view.endStatus = 'unknown';
      view.endedBefore = next.view.start.validTime;
    } else if (SELF_LIMITING.includes(view.kind)) {
      view.endStatus = 'unknown';
    }
  });
  return episodes.map((e) => e.view);
}

export function episodeIdOf(fact: ParcoursFact): string | undefined {
  const id = fact.data['episodeId'];
  return typeof id === 'string' ? id : undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
