import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { draftOf, emptyDraft, foldIntoDraft, foldParcours, type ParcoursInput } from '@parcours/domain';
import { historyArbitrary } from './history-arbitrary.js';

const inputsOf = (events: readonly { eventId: string; type: string; data: unknown }[]): ParcoursInput[] =>
  events.map((e, revision) => ({ ...e, revision, recordedAt: new Date(Date.UTC(2012, 10, 1, 0, revision)).toISOString() }) as unknown as ParcoursInput);

const erasure = (revision: number): ParcoursInput =>
  ({
    eventId: `018f9999-0000-7000-8000-${String(revision).padStart(12, '0')}`,
    type: 'PersonErased',
    revision,
    recordedAt: '2013-01-01T00:00:00.000Z',
    data: { occurredAt: '2013', provenance: 'service_record', reason: 'request' },
  }) as unknown as ParcoursInput;

describe('parcours draft (the fold in place) = applyToParcours', () => {
  it('holds for random histories with corrections, retractions, erasure and redelivered events', () => {
    let erasedText = 0;
    fc.assert(
      fc.property(historyArbitrary(1), fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }), ({ personId, events }, erased, redelivered) => {
        const inputs = inputsOf(events);
        if (erased) inputs.push(erasure(inputs.length));
        const draft = emptyDraft(personId);
        inputs.forEach((input, i) => {
          expect(foldIntoDraft(draft, input)).toBe(true);
          // At-least-once: an earlier event delivered again changes nothing.
          for (const r of redelivered) if (r <= i) expect(foldIntoDraft(draft, inputs[r]!)).toBe(false);
        });
        const pure = foldParcours(personId, inputs);
        expect(draft).toEqual(pure);
        expect(draftOf(personId, inputs)).toEqual(pure);
        if (erased && events.some((e) => e.type === 'NarrativeRecorded')) erasedText += 1;
        if (erased) expect(JSON.stringify(draft)).not.toMatch(/"text"/);
      }),
      { numRuns: 300 },
    );
    expect(erasedText).toBeGreaterThan(10); // erasure really had free text to remove
  });
});
