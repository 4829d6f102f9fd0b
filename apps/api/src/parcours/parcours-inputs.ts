import { draftOf, encodeSummary, summarisePerson, type ParcoursInput, type ParcoursState } from '@parcours/domain';

/**
 * How a person's parcours inputs are stored in a segment (one row per person per batch), and the
 * stored form of a summary made from them. No Nest and no database here: the summary worker
 * thread (summary-worker.ts) imports this file alone.
 */
type StoredInput = [eventId: string, revision: number, type: string, recordedAt: string, data: Record<string, unknown>];

/** Rows as arrays, not objects with repeated keys: a segment holds data and little else. */
export function encodeInputs(inputs: readonly ParcoursInput[]): string {
  return JSON.stringify(inputs.map((i): StoredInput => [i.eventId, i.revision, i.type, i.recordedAt, i.data as Record<string, unknown>]));
}

export function decodeInputs(text: string, into: ParcoursInput[] = []): ParcoursInput[] {
  for (const [eventId, revision, type, recordedAt, data] of JSON.parse(text) as StoredInput[]) {
    into.push({ eventId, revision, type, recordedAt, data } as ParcoursInput);
  }
  return into;
}

/** The stored summary (JSON of its compact form) of a folded state. */
export function summaryText(state: ParcoursState): string {
  return JSON.stringify(encodeSummary(summarisePerson(state)));
}

/**
 * The same, from the person's segments in order, as of `revision`: null when the segments do not
 * reach it (read before the batch that wrote them was committed).
 */
export function summaryTextOfSegments(personId: string, segments: readonly string[], revision: number): string | null {
  const inputs: ParcoursInput[] = [];
  for (const text of segments) decodeInputs(text, inputs);
  const known = inputs.filter((input) => input.revision <= revision);
  if ((known.at(-1)?.revision ?? -1) !== revision) return null;
  return summaryText(draftOf(personId, known));
}
