import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from './event-store.port.js';
import { LazyRecordedEvent, storedText } from './lazy-event.js';
import { positionFromSequence } from './position.js';

const data = { occurredAt: '2010', nested: { list: [1, 'two', null], quote: 'a "b" \\ é' } };
const metadata = { schemaVersion: 2, recordedBy: { userId: 'u1' } };
const lazy = (sequence = 7, meta: object = metadata) =>
  new LazyRecordedEvent('018f0000-0000-7000-8000-000000000001', 'person-p1', 3, 'Something', sequence, JSON.stringify(data), JSON.stringify(meta), '2026-01-02T03:04:05.678Z');

describe('LazyRecordedEvent', () => {
  it('decodes each field as the eager adapter does, once', () => {
    const event = lazy();
    expect(event.data).toEqual(data);
    expect(event.data).toBe(event.data);
    expect(event.metadata).toEqual(metadata);
    expect(event.recordedAt).toEqual(new Date('2026-01-02T03:04:05.678Z'));
    expect(event.recordedAt).toBe(event.recordedAt);
    expect(event.position).toBe(positionFromSequence(7));
    expect([event.eventId, event.streamId, event.revision, event.type]).toEqual(['018f0000-0000-7000-8000-000000000001', 'person-p1', 3, 'Something']);
  });

  it('shares the metadata of equal texts, frozen so that no reader can change another event\'s', () => {
    const [a, b, other] = [lazy(1), lazy(2), lazy(3, { schemaVersion: 1 })];
    expect(a.metadata).toBe(b.metadata);
    expect(other.metadata).toEqual({ schemaVersion: 1 });
    expect(Object.isFrozen(a.metadata) && Object.isFrozen(a.metadata['recordedBy'])).toBe(true);
    expect(() => {
      (a.metadata as Record<string, unknown>)['schemaVersion'] = 3;
    }).toThrow(TypeError);
    expect(lazy(4).metadata['schemaVersion']).toBe(2);
  });

  it('serialises to its plain form, and gives its stored text; an eager event has none', () => {
    const event = lazy();
    expect(JSON.parse(JSON.stringify(event))).toEqual({
      eventId: event.eventId, streamId: 'person-p1', revision: 3, position: positionFromSequence(7), type: 'Something', data, metadata, recordedAt: '2026-01-02T03:04:05.678Z',
    });
    expect(storedText(event)).toEqual({ data: JSON.stringify(data), recordedAt: '2026-01-02T03:04:05.678Z' });
    const eager: RecordedEvent = event.toJSON();
    expect(storedText(eager)).toBeUndefined();
  });
});
