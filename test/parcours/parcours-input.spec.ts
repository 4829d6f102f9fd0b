import { describe, expect, it } from '@jest/globals';
import { PERSON_EVENT_CATALOGUE, PERSON_EVENT_TYPES, upcasterChains } from '@parcours/domain';
import { positionFromSequence, type JsonObject, type RecordedEvent } from '@parcours/event-store';
import { toParcoursInput } from '../../apps/api/src/parcours/person-history.js';
import { toPersonEvent } from '../../apps/api/src/persons/person-stream.repository.js';

const recorded = (type: string, schemaVersion: number | undefined, at: string): RecordedEvent => ({
  eventId: '018f0000-0000-7000-8000-0000000000e1',
  streamId: 'person-018f0000-0000-7000-8000-0000000000aa',
  revision: 3,
  position: positionFromSequence(9),
  type,
  data: { ...(PERSON_EVENT_CATALOGUE[type as keyof typeof PERSON_EVENT_CATALOGUE].example as JsonObject) },
  metadata: schemaVersion === undefined ? {} : { schemaVersion },
  recordedAt: new Date(at),
});

describe('parcours inputs from stored events', () => {
  it('are the upcast event with its revision and recording time, whether stored at the current version or an older one', () => {
    const older = upcasterChains().map(({ type, from }) => [type, from] as const);
    const cases = [...PERSON_EVENT_TYPES.map((type) => [type, PERSON_EVENT_CATALOGUE[type].version] as const), ...older, ['PersonRegistered', undefined] as const];
    expect(older.length).toBeGreaterThan(0);
    cases.forEach(([type, version], i) => {
      const at = new Date(Date.UTC(2012, 10, 1, 0, i % 2)).toISOString(); // runs of equal times, as appends make
      const event = recorded(type, version, at);
      // As an older version was written: without the fields its upcasters add.
      if (version !== PERSON_EVENT_CATALOGUE[type].version) for (const added of ['provenance', 'referralId']) delete (event.data as Record<string, unknown>)[added];
      expect(toParcoursInput(event)).toEqual({ ...toPersonEvent(event), revision: 3, recordedAt: at });
    });
  });
});
