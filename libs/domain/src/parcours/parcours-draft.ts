import { eraseFact } from './erasure.js';
import { newFact, type ParcoursFact, type ParcoursInput, type ParcoursState } from './parcours-state.js';

/**
 * A parcours state folded in place. `applyToParcours` copies the facts array at every event, which
 * is right for replays (each frame keeps its state) but quadratic over a path, and the projection
 * folds a million events. Same semantics as `applyToParcours` — checked against it by
 * parcours-draft.spec.ts and by the projection's property test — on a state only its owner sees.
 */
export interface ParcoursDraft extends ParcoursState {
  revision: number;
  readonly facts: ParcoursFact[];
}

export function emptyDraft(personId: string): ParcoursDraft {
  return { personId, revision: -1, facts: [] };
}

/** Folds one event into the draft; false when it was folded already (at-least-once delivery). */
export function foldIntoDraft(draft: ParcoursDraft, event: ParcoursInput): boolean {
  if (event.revision <= draft.revision) return false;
  draft.revision = event.revision;
  const { facts } = draft;
  switch (event.type) {
    case 'EventCorrected': {
      const { targetEventId, replacement, reason } = event.data;
      const correction = { eventId: event.eventId, recordedAt: event.recordedAt, reason };
      for (let i = 0; i < facts.length; i++) {
        const f = facts[i]!;
        if (f.eventId === targetEventId) facts[i] = { ...f, data: replacement, corrections: [...f.corrections, correction] };
      }
      return true;
    }
    case 'EventRetracted': {
      const { targetEventId, reason } = event.data;
      for (let i = 0; i < facts.length; i++) {
        const f = facts[i]!;
        if (f.eventId === targetEventId) facts[i] = { ...f, retraction: { eventId: event.eventId, recordedAt: event.recordedAt, reason } };
      }
      return true;
    }
    default: {
      // Erasure: identity and free text leave every earlier fact too (see applyToParcours).
      if (event.type === 'PersonErased') for (let i = 0; i < facts.length; i++) facts[i] = eraseFact(facts[i]!);
      facts.push(newFact(event));
      return true;
    }
  }
}

/** The draft of a whole history, in order. */
export function draftOf(personId: string, events: Iterable<ParcoursInput>): ParcoursDraft {
  const draft = emptyDraft(personId);
  for (const event of events) foldIntoDraft(draft, event);
  return draft;
}
