import { describe, expect, it } from '@jest/globals';
import { SqliteEventStore } from '@parcours/event-store';
import { auditStream } from './audit-entry.js';
import { AuditLog, MAX_SCAN } from './audit-log.js';

const A = '018f0000-0000-7000-8000-00000000000a';
const B = '018f0000-0000-7000-8000-00000000000b';

describe('reading a day of the audit trail', () => {
  const store = new SqliteEventStore({ filename: ':memory:' });
  const log = new AuditLog(store);
  let ids = 0;
  const id = () => `018f0000-0000-7000-8000-${String(++ids).padStart(12, '0')}`;
  const append = (day: string, entries: { personId?: string; sub: string }[]) =>
    store.append(auditStream(day), entries.map((data) => ({ eventId: id(), type: 'PersonDataRead', data })), 'any');

  it('pages through a day by revision, and filters by person and by user', async () => {
    // Revisions 0-5: A by u1, B by u2, A by u2, B by u1, A by u1, B by u1.
    await append('2026-03-01', [{ personId: A, sub: 'u1' }, { personId: B, sub: 'u2' }, { personId: A, sub: 'u2' }, { personId: B, sub: 'u1' }, { personId: A, sub: 'u1' }, { personId: B, sub: 'u1' }]);
    await append('2026-03-02', [{ personId: A, sub: 'u9' }]);

    const first = await log.page('2026-03-01', {}, 0, 4);
    expect(first.entries.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
    expect(first.entries[0]).toMatchObject({ revision: 0, type: 'PersonDataRead', personId: A, sub: 'u1' });
    expect(first.entries[0]!.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(first.nextRevision).toBe(4);
    const second = await log.page('2026-03-01', {}, 4, 4);
    expect(second.entries.map((e) => e.revision)).toEqual([4, 5]);
    expect(second.nextRevision).toBeNull();

    const ofA = await log.page('2026-03-01', { personId: A.toUpperCase() }, 0, 2);
    expect(ofA.entries.map((e) => e.revision)).toEqual([0, 2]);
    expect(ofA.nextRevision).toBe(3);
    expect((await log.page('2026-03-01', { personId: A }, 3, 2)).entries.map((e) => e.revision)).toEqual([4]);
    expect((await log.page('2026-03-01', { personId: A, sub: 'u1' }, 0, 100)).entries.map((e) => e.revision)).toEqual([0, 4]);
    expect((await log.page('2026-03-01', { sub: 'u2' }, 0, 100)).entries.map((e) => e.revision)).toEqual([1, 2]);
  });

  it('answers an empty page for a day without accesses', async () => {
    expect(await log.page('2020-01-01', {}, 0, 10)).toEqual({ date: '2020-01-01', entries: [], nextRevision: null });
  });

  it(`stops after scanning ${MAX_SCAN} entries, even when the filter matched fewer than asked, and says where to go on`, async () => {
    const many = Array.from({ length: MAX_SCAN + 5 }, () => ({ personId: B, sub: 'u1' }));
    for (let i = 0; i < many.length; i += 1000) await append('2026-04-01', many.slice(i, i + 1000));
    await append('2026-04-01', [{ personId: A, sub: 'u1' }]);
    const page = await log.page('2026-04-01', { personId: A }, 0, 10);
    expect(page).toEqual({ date: '2026-04-01', entries: [], nextRevision: MAX_SCAN });
    expect((await log.page('2026-04-01', { personId: A }, MAX_SCAN, 10)).entries.map((e) => e.revision)).toEqual([MAX_SCAN + 5]);
  });
});
