import { draftOf, encodeSummary, summarisePerson, type ParcoursInput, type ParcoursState } from '@parcours/domain';

/**
 * How a person's parcours inputs are stored in a segment (one row per person per batch), and the
 * stored form of a summary made from them. No Nest and no database here: the summary worker
 * thread (summary-worker.ts) imports this file alone.
 */
type StoredInput = [eventId: string, revision: number, type: string, recordedAt: string, data: Record<string, unknown>];

/** Rows as arrays, not objects with repeated keys: a segment holds data and little else. */
export function encodeInputs(inputs: readonly ParcoursInput[]): string {
  return segmentOf(inputs.map(encodeInput));
}

/** One input of a segment. */
export function encodeInput(i: ParcoursInput): string {
  return JSON.stringify([i.eventId, i.revision, i.type, i.recordedAt, i.data] satisfies StoredInput);
}

/** Strings that JSON writes as they are, between quotes (nothing to escape). */
const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
const TYPE = /^[A-Za-z][A-Za-z0-9_.]*$/;
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * One input of a segment whose data is given as JSON text (the event's data as stored, when it
 * needs no upcasting): the same text as `encodeInput` of the parsed data, without parsing the
 * data and serialising it again. Null when `recordedAt` is not spelled as `Date#toISOString()`
 * spells it (years 0 to 9999): the input would carry it reformatted. The id and type are written
 * between quotes as they are when they have nothing to escape (always, for what the store accepts:
 * append-validation.ts), and so is the time, checked above.
 */
export function encodeInputWithDataText(eventId: string, revision: number, type: string, recordedAt: string, dataText: string): string | null {
  if (!ISO_INSTANT.test(recordedAt)) return null;
  if (UUID.test(eventId) && TYPE.test(type)) return `["${eventId}",${revision},"${type}","${recordedAt}",${dataText}]`;
  const head = JSON.stringify([eventId, revision, type, recordedAt]);
  return `${head.slice(0, -1)},${dataText}]`;
}

/** A segment of encoded inputs (encodeInput), in revision order. */
export function segmentOf(encoded: readonly string[]): string {
  return `[${encoded.join(',')}]`;
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
