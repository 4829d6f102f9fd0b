import { decide, evolve, initialPersonState, PERSON_EVENT_CATALOGUE, personStream, type IdentifiedPersonEvent, type PersonEventOf } from '@parcours/domain';
import { type EventStore, type JsonObject, SqliteEventStore } from '@parcours/event-store';
import { EncryptingEventStore } from '../../apps/api/src/privacy/encrypting-event-store.js';
import { KeyStore } from '../../apps/api/src/privacy/key-store.js';
import { parseAll } from '../../apps/api/src/persons/commands/record-person-events.command.js';
import { generateCohort } from '../../apps/cli/src/synthetic/generate-cohort.js';

/**
 * Gives every person of bench:api a history before the measured run, as persons in a real
 * caseload have: their registration and first `history` lines, written straight into the event
 * file (parsed and decided by the domain, stored as the API stores them, recorded by the bench's
 * caseworker organisation, so the API's access rules let that caseworker append). The HTTP load
 * then goes on from the next line. Same rows for both sides, so both files start the same size.
 * Written with synchronous = NORMAL (the load is not measured); the servers open the file with
 * their own settings (FULL). For the API, protected fields are sealed with the persons' data keys
 * in the API's key store, as its own appends are (the baseline's rows stay plain).
 */
export async function preloadHistories(
  file: string,
  spec: { seed: string; persons: number; eventsPerPerson: number; history: number },
  organisationId: string | null,
  /** The API's key store and key-encryption key: the histories are sealed as the API seals them (each person's data key made then, as at registration). */
  keys?: { readonly keyDbPath: string; readonly keyEncryptionKey: string },
): Promise<number> {
  const sqlite = new SqliteEventStore({ filename: file, synchronous: 'NORMAL' });
  const store: EventStore = keys ? new EncryptingEventStore(sqlite, KeyStore.fromConfig(keys), true) : sqlite;
  const metadata: JsonObject = { requestId: 'bench:api preload', recordedBy: { userId: 'bench.caseworker', organisationId } };
  let events = 0;
  try {
    for (const lines of generateCohort({ seed: spec.seed, persons: spec.persons, eventsPerPerson: spec.eventsPerPerson })) {
      const parsed = parseAll(lines.slice(0, spec.history + 1).map(({ person: _, ...input }) => input), 'events');
      const [registration, ...rest] = parsed;
      const registered = decide({ type: 'RegisterPerson', event: registration as PersonEventOf<'PersonRegistered'> & { eventId: string } }, initialPersonState);
      const state = registered.reduce((s, e) => evolve(s, e), initialPersonState);
      const decided: IdentifiedPersonEvent[] = [...registered, ...(rest.length ? decide({ type: 'RecordPersonEvents', events: rest }, state) : [])];
      await store.append(
        personStream(lines[0]!.person),
        decided.map((e) => ({ eventId: e.eventId, type: e.type, data: e.data as JsonObject, metadata: { ...metadata, schemaVersion: PERSON_EVENT_CATALOGUE[e.type].version } })),
        'no_stream',
      );
      events += decided.length;
    }
  } finally {
    await store.close();
  }
  return events;
}
