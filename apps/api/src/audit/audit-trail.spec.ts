import { afterEach, describe, expect, it } from '@jest/globals';
import { SqliteEventStore, type AppendResult, type EventStore, type ExpectedRevision, type NewEvent, type RecordedEvent } from '@parcours/event-store';
import type { AuditEntry } from './audit-entry.js';
import { AuditUnavailableError } from './audit-errors.js';
import { AuditTrail } from './audit-trail.js';

const entry = (n: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  action: 'person.parcours.read',
  sub: `user.${n}`,
  role: 'caseworker',
  organisationId: '018f0000-0000-7000-8000-0000000c5a9a',
  method: 'GET',
  route: '/persons/:id/parcours',
  personId: '018f0000-0000-7000-8000-00000000c415',
  params: {},
  query: { asLivedAt: '2008' },
  purpose: 'care follow-up',
  purposeDeclared: false,
  requestId: `req-${n}`,
  status: 200,
  outcome: 'served',
  ...extra,
});

/** A real store whose appends can be counted, slowed down or broken. */
class ObservedStore {
  appends: { streamId: string; count: number }[] = [];
  failNext = false;
  constructor(readonly inner: SqliteEventStore) {}
  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.appends.push({ streamId, count: events.length });
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    // Asynchronous like EventStoreDB: entries arriving meanwhile must wait for the next batch.
    await new Promise((resolve) => setTimeout(resolve, 5));
    return this.inner.append(streamId, events, expected);
  }
}

async function read(store: EventStore, streamId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(streamId)) events.push(event);
  return events;
}

describe('the audit trail (group commit)', () => {
  const inner = new SqliteEventStore({ filename: ':memory:' });
  let ids = 0;
  const newId = () => `018f0000-0000-7000-8000-${String(++ids).padStart(12, '0')}`;
  let now = new Date('2026-03-01T10:00:00Z');
  const trail = (store: ObservedStore) => new AuditTrail(store as unknown as EventStore, () => now, newId);

  afterEach(() => {
    now = new Date('2026-03-01T10:00:00Z');
  });

  it('appends entries recorded in the same turn together, in one append to the day stream, in order', async () => {
    const store = new ObservedStore(inner);
    const audit = trail(store);
    await Promise.all(Array.from({ length: 50 }, (_, i) => audit.record(entry(i))));
    expect(store.appends).toEqual([{ streamId: 'audit-2026-03-01', count: 50 }]);
    const stored = await read(inner, 'audit-2026-03-01');
    expect(stored.map((e) => e.data['sub'])).toEqual(Array.from({ length: 50 }, (_, i) => `user.${i}`));
    expect(stored[0]).toMatchObject({ type: 'PersonDataRead', data: entry(0), metadata: { requestId: 'req-0', recordedBy: { userId: 'user.0' } } });
    expect(audit.stats).toEqual({ appends: 1, entries: 50 });
  });

  it('sends entries that arrive while an append is in flight in the next batch, and each caller waits for its own', async () => {
    const store = new ObservedStore(inner);
    const audit = trail(store);
    const first = audit.record(entry(1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.appends.map((a) => a.count)).toEqual([1]);
    const later = [audit.record(entry(2)), audit.record(entry(3)), audit.record(entry(4))];
    await Promise.all([first, ...later]);
    expect(store.appends.map((a) => a.count)).toEqual([1, 3]);
  });

  it('fails the callers of a failed append (and only them) with AuditUnavailableError', async () => {
    const store = new ObservedStore(inner);
    const audit = trail(store);
    store.failNext = true;
    const failed = Promise.all([audit.record(entry(1)), audit.record(entry(2))]);
    await expect(failed).rejects.toThrow(AuditUnavailableError);
    await expect(failed).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE', cause: new Error('disk full') });
    await expect(audit.record(entry(3))).resolves.toBeUndefined();
    expect(store.appends.map((a) => a.count)).toEqual([2, 1]);
  });

  it('files each entry under the UTC day it was recorded: a batch across midnight makes one append per day', async () => {
    const store = new ObservedStore(inner);
    const audit = trail(store);
    now = new Date('2026-03-01T23:59:59.999Z');
    const before = audit.record(entry(1));
    now = new Date('2026-03-02T00:00:00.001Z');
    await Promise.all([before, audit.record(entry(2))]);
    // 00:30 in Paris is still the 1st in UTC.
    now = new Date('2026-03-02T00:30:00+01:00');
    await audit.record(entry(3));
    expect(store.appends).toEqual([
      { streamId: 'audit-2026-03-01', count: 1 },
      { streamId: 'audit-2026-03-02', count: 1 },
      { streamId: 'audit-2026-03-01', count: 1 },
    ]);
  });
});
