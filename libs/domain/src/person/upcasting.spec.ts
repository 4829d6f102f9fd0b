import { describe, expect, it } from '@jest/globals';
import { catalogueEntry, PERSON_EVENT_TYPES } from './events.js';
import { upcasterChains, upcastPersonEvent } from './upcasting.js';

describe('upcasting stored person events', () => {
  it('given a version 1 event of the first API slice (no provenance), when read back, then it has provenance "unknown"', () => {
    const event = upcastPersonEvent({ eventId: 'e1', type: 'CareEpisodeStarted', data: { occurredAt: '2003', episodeId: 'x', setting: 'residential' } });
    expect(event.data).toEqual({ occurredAt: '2003', episodeId: 'x', setting: 'residential', provenance: 'unknown' });
  });

  it('given a version 1 referral, then its referral id is its event id', () => {
    const event = upcastPersonEvent({ eventId: 'e2', type: 'ReferralMade', schemaVersion: 1, data: { occurredAt: '2003', from: {}, to: {}, initiator: 'self' } });
    expect(event.data).toMatchObject({ referralId: 'e2', provenance: 'unknown' });
  });

  it('leaves current versions alone', () => {
    const data = { occurredAt: '2003', provenance: 'interview', episodeId: 'x', setting: 'residential' };
    expect(upcastPersonEvent({ eventId: 'e3', type: 'CareEpisodeStarted', schemaVersion: 2, data }).data).toBe(data);
  });

  it('refuses a version newer than this program, and unknown types', () => {
    expect(() => upcastPersonEvent({ eventId: 'e4', type: 'CareEpisodeStarted', schemaVersion: 9, data: {} })).toThrow(/version 9/);
    expect(() => upcastPersonEvent({ eventId: 'e5', type: 'Teleported', data: {} })).toThrow(/Teleported/);
  });

  it('has a complete chain of upcasters up to the current version of every type', () => {
    const chains = upcasterChains();
    for (const type of PERSON_EVENT_TYPES) {
      for (let v = 1; v < catalogueEntry(type).version; v++) expect(chains).toContainEqual({ type, from: v });
    }
  });
});
