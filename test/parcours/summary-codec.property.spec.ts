import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decodeSummary, emptySummary, encodeSummary, foldParcours, summarisePerson, type ParcoursInput, type PersonSummary, type StoredSummary } from '@parcours/domain';
import { chrisState } from '../support/chris-parcours.js';
import { historyArbitrary } from './history-arbitrary.js';

/** Through the stored text, as the projection writes and cohort views read it. */
const roundTrip = (summary: PersonSummary) => decodeSummary(JSON.parse(JSON.stringify(encodeSummary(summary))) as StoredSummary);

describe('stored summaries (summary codec)', () => {
  it("gives Chris's summary back, key for key, in half the bytes", () => {
    const summary = summarisePerson(chrisState());
    expect(JSON.stringify(roundTrip(summary))).toBe(JSON.stringify(summary));
    expect(JSON.stringify(encodeSummary(summary)).length).toBeLessThan(JSON.stringify(summary).length * 0.6);
  });

  it('gives back the summary of any valid history', () => {
    fc.assert(
      fc.property(historyArbitrary(1), ({ personId, events }) => {
        const inputs = events.map((e, revision) => ({ ...e, revision, recordedAt: '2012-11-01T00:00:00.000Z' }) as unknown as ParcoursInput);
        const summary = summarisePerson(foldParcours(personId, inputs));
        expect(JSON.stringify(roundTrip(summary))).toBe(JSON.stringify(summary));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a midpoint that is not the middle of its bounds, and empty or open instants', () => {
    const odd: PersonSummary = {
      ...emptySummary('p'),
      registeredAt: { lower: null, upper: 10, mid: 10 },
      firstContact: { lower: 0, upper: 10, mid: 3 },
      qualifications: [{ lower: null, upper: null, mid: 0 }],
      studiesResumed: [{ lower: 5, upper: null, mid: 7 }],
    };
    expect(roundTrip(odd)).toEqual(odd);
  });
});
