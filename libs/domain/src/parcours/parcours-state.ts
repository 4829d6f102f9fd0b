import { catalogueEntry, type IdentifiedPersonEvent, type PersonEventType } from '../person/events.js';
import { eraseFact } from './erasure.js';

/**
 * The parcours projection's state for one person: every fact as currently known (corrections
 * applied, retractions marked, the history of both kept), in recording order. It is the fold of
 * the person's stream, `applyToParcours(state, event) → state`, pure and JSON-serialisable so the
 * projection can store it; `renderParcours` turns it into the path people read.
 */
export interface ParcoursFact {
  readonly eventId: string;
  readonly revision: number;
  readonly type: PersonEventType;
  readonly recordedAt: string;
  /** Current content: the last correction's replacement, or the original data. */
  readonly data: Record<string, unknown>;
  readonly corrections: readonly { readonly eventId: string; readonly recordedAt: string; readonly reason: string }[];
  readonly retraction: { readonly eventId: string; readonly recordedAt: string; readonly reason: string } | null;
}

export interface ParcoursState {
  readonly personId: string;
  /** Revision of the last event folded in (-1: none). */
  readonly revision: number;
  readonly facts: readonly ParcoursFact[];
}

/** A stored person event, upcast, with what the parcours needs to know about its recording. */
export type ParcoursInput = IdentifiedPersonEvent & { readonly revision: number; readonly recordedAt: string };

export function emptyParcours(personId: string): ParcoursState {
  return { personId, revision: -1, facts: [] };
}

export function applyToParcours(state: ParcoursState, event: ParcoursInput): ParcoursState {
  if (event.revision <= state.revision) return state; // at-least-once delivery: already folded in
  const revision = event.revision;
  switch (event.type) {
    case 'EventCorrected': {
      const { targetEventId, replacement, reason } = event.data;
      const facts = state.facts.map((f) =>
        f.eventId === targetEventId
          ? { ...f, data: replacement, corrections: [...f.corrections, { eventId: event.eventId, recordedAt: event.recordedAt, reason }] }
          : f,
      );
      return { ...state, revision, facts };
    }
    case 'EventRetracted': {
      const { targetEventId, reason } = event.data;
      const facts = state.facts.map((f) =>
        f.eventId === targetEventId ? { ...f, retraction: { eventId: event.eventId, recordedAt: event.recordedAt, reason } } : f,
      );
      return { ...state, revision, facts };
    }
    default: {
      const fact = newFact(event);
      // Erasure: identity and free text leave every earlier fact too, so the read model ends as a
      // rebuild would (the log, its key destroyed, no longer yields them).
      const earlier = event.type === 'PersonErased' ? state.facts.map(eraseFact) : state.facts;
      return { ...state, revision, facts: [...earlier, fact] };
    }
  }
}

/** The fact an event (not a correction or retraction) adds to the path. */
export function newFact(event: ParcoursInput): ParcoursFact {
  return {
    eventId: event.eventId,
    revision: event.revision,
    type: event.type,
    recordedAt: event.recordedAt,
    data: event.data as Record<string, unknown>,
    corrections: [],
    retraction: null,
  };
}

export function foldParcours(personId: string, events: Iterable<ParcoursInput>): ParcoursState {
  let state = emptyParcours(personId);
  for (const event of events) state = applyToParcours(state, event);
  return state;
}

/** The facts that stand (not retracted). */
export function standingFacts(state: ParcoursState): ParcoursFact[] {
  return state.facts.filter((f) => f.retraction === null);
}

export function laneOf(type: PersonEventType) {
  return catalogueEntry(type).field;
}
