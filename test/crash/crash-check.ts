import { SqliteEventStore } from '@parcours/event-store';
import type { Acknowledged, SentRequest } from './crash-load.js';

export interface StoredEvent {
  readonly streamId: string;
  readonly revision: number;
}

/** Every event in the file, by event id, read with the raw adapter while the server is down. */
export async function storedEvents(dbPath: string): Promise<{ byId: Map<string, StoredEvent[]>; total: number; gaps: string[] }> {
  // Opening the file runs SQLite's WAL recovery, as the restarted server will.
  const store = new SqliteEventStore({ filename: dbPath });
  const byId = new Map<string, StoredEvent[]>();
  const next = new Map<string, number>();
  const gaps: string[] = [];
  let total = 0;
  try {
    for await (const event of store.readAll()) {
      total += 1;
      const seen = byId.get(event.eventId) ?? [];
      seen.push({ streamId: event.streamId, revision: event.revision });
      byId.set(event.eventId, seen);
      const expected = next.get(event.streamId) ?? 0;
      if (event.revision !== expected) gaps.push(`${event.streamId}: revision ${event.revision} where ${expected} was next`);
      next.set(event.streamId, event.revision + 1);
    }
  } finally {
    await store.close();
  }
  return { byId, total, gaps };
}

export interface CrashFindings {
  /** Acknowledged events missing, stored twice, or not where the answer said. */
  readonly lost: string[];
  /** Requests without an answer that are partly stored (a batch cut in two). */
  readonly torn: string[];
  /** Streams whose revisions are not 0, 1, 2, ... in log order. */
  readonly gaps: string[];
  /** Unanswered requests found stored (written, then the server died before answering). */
  readonly unansweredButStored: number;
}

/** The crash test's invariants, checked on the file after a SIGKILL. */
export async function checkAfterCrash(dbPath: string, acknowledged: readonly Acknowledged[], unknown: readonly SentRequest[]): Promise<CrashFindings> {
  const { byId, gaps } = await storedEvents(dbPath);
  const lost: string[] = [];
  for (const ack of acknowledged) {
    ack.eventIds.forEach((eventId, i) => {
      const found = byId.get(eventId) ?? [];
      const where = `person-${ack.personId}`;
      const revision = ack.revision - (ack.eventIds.length - 1 - i);
      if (found.length !== 1 || found[0]!.streamId !== where || found[0]!.revision !== revision) {
        lost.push(`${eventId}: acknowledged at ${where}@${revision}, stored ${JSON.stringify(found)}`);
      }
    });
  }
  const torn: string[] = [];
  let unansweredButStored = 0;
  for (const request of unknown) {
    const present = request.eventIds.filter((id) => byId.has(id)).length;
    if (present !== 0 && present !== request.eventIds.length) torn.push(`${request.path}: ${present} of ${request.eventIds.length} events stored`);
    if (present === request.eventIds.length) unansweredButStored += 1;
  }
  return { lost, torn, gaps, unansweredButStored };
}
