import type { IdentifiedPersonEvent } from '@parcours/domain';
import { positionFromSequence, type JsonObject, type RecordedEvent } from '@parcours/event-store';
import { schemaVersionOf } from './history-arbitrary.js';

/** Several persons' histories in one log, interleaved by `picks`, each stream in its order. */
export function globalLog(histories: { personId: string; events: IdentifiedPersonEvent[] }[], picks: number[]): RecordedEvent[] {
  const cursors = histories.map(() => 0);
  const log: RecordedEvent[] = [];
  for (let p = 0; histories.some((h, i) => cursors[i]! < h.events.length); p++) {
    const open = histories.map((_, i) => i).filter((i) => cursors[i]! < histories[i]!.events.length);
    const i = open[(picks[p % picks.length] ?? 0) % open.length]!;
    const event = histories[i]!.events[cursors[i]!]!;
    log.push({
      eventId: event.eventId,
      streamId: `person-${histories[i]!.personId}`,
      revision: cursors[i]!,
      position: positionFromSequence(log.length + 1),
      type: event.type,
      data: event.data as JsonObject,
      metadata: { schemaVersion: schemaVersionOf(event.type) },
      recordedAt: new Date(Date.parse('2012-11-01T00:00:00Z') + log.length * 60_000),
    });
    cursors[i] = cursors[i]! + 1;
  }
  return log;
}
