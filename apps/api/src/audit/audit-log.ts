import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, JsonObject, RecordedEvent } from '@parcours/event-store';
import { EVENT_STORE } from '../infrastructure/tokens.js';
import { auditStream } from './audit-entry.js';

/** At most this many entries are looked at per page: a filtered page may come back short, with a nextRevision. */
export const MAX_SCAN = 10_000;

export interface AuditFilter {
  readonly personId?: string | undefined;
  readonly sub?: string | undefined;
}

export interface AuditPage {
  readonly date: string;
  readonly entries: (JsonObject & { revision: number; recordedAt: string; type: string })[];
  /** Where the next page starts; null when the day's stream has been read to its end. */
  readonly nextRevision: number | null;
}

/** Reads one day's audit stream. */
@Injectable()
export class AuditLog {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async page(date: string, filter: AuditFilter, fromRevision: number, limit: number): Promise<AuditPage> {
    const entries: AuditPage['entries'] = [];
    const personId = filter.personId?.toLowerCase();
    let scanned = 0;
    let nextRevision: number | null = null;
    for await (const event of this.store.readStream(auditStream(date), { fromRevision, maxCount: MAX_SCAN + 1 })) {
      if (entries.length === limit || scanned === MAX_SCAN) {
        nextRevision = event.revision;
        break;
      }
      scanned += 1;
      if (matches(event, personId, filter.sub)) entries.push({ revision: event.revision, recordedAt: event.recordedAt.toISOString(), type: event.type, ...event.data });
    }
    return { date, entries, nextRevision };
  }
}

function matches(event: RecordedEvent, personId: string | undefined, sub: string | undefined): boolean {
  return (personId === undefined || event.data['personId'] === personId) && (sub === undefined || event.data['sub'] === sub);
}
