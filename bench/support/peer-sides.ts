import 'reflect-metadata';
import { decide, evolve, initialPersonState, PERSON_EVENT_CATALOGUE, personStream, type IdentifiedPersonEvent, type PersonCommand, type PersonState } from '@parcours/domain';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@parcours/event-store';
import { appendWithRetry } from '../../apps/api/src/persons/commands/append-with-retry.js';
import { PersonStreamRepository } from '../../apps/api/src/persons/person-stream.repository.js';

/**
 * The two sides of bench:peers, each an event store used in-process through its library calls,
 * with the same domain (decide and evolve from libs/domain), the same commands, the same file
 * durability (WAL, synchronous = FULL) and one append per command, awaited one after the other.
 */
export interface PeerSide {
  readonly name: string;
  /** Decide one command on the person's current state and append the result. */
  handle(personId: string, command: PersonCommand): Promise<void>;
  /** Reads a person's whole stream; returns how many events it holds. */
  read(personId: string): Promise<number>;
  /** What the file is set to, read back from SQLite: journal mode and synchronous. */
  pragmas(): Promise<string>;
  close(): Promise<void>;
}

const METADATA = { requestId: 'bench:peers' };

/**
 * Parcours: the API's own command path without HTTP and Nest's bus — appendWithRetry over
 * PersonStreamRepository (decision state cached per person, read from its revision on) on the
 * SQLite adapter (group commit; here one append at a time). `cached: false` gives the repository
 * no memory between commands (a new one each time), so each decision reads the whole stream.
 */
export async function parcoursSide(file: string, cached: boolean): Promise<PeerSide> {
  const store = new SqliteEventStore({ filename: file });
  const shared = new PersonStreamRepository(store);
  return {
    name: cached ? 'Parcours' : 'Parcours, no decision cache',
    async handle(personId, command) {
      await appendWithRetry(cached ? shared : new PersonStreamRepository(store), personId, command, undefined, METADATA);
    },
    async read(personId) {
      let n = 0;
      for await (const _ of store.readStream(personStream(personId))) n += 1;
      return n;
    },
    async pragmas() {
      const { journalMode, synchronous } = store.durability();
      return `journal_mode=${journalMode}, synchronous=${synchronous}${synchronous === 2 ? ' (FULL)' : ''}, SqliteEventStore's defaults`;
    },
    close: () => store.close(),
  };
}

/** The part of Emmett's API used here (installed on demand under .bench/peers, no types). */
interface EmmettEvent {
  type: string;
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}
interface EmmettStore {
  readStream(stream: string): Promise<{ events: EmmettEvent[] }>;
}
export type { EmmettModules };
type EmmettCommandHandler = (store: EmmettStore, id: string, handle: (state: PersonState) => EmmettEvent[]) => Promise<unknown>;
interface EmmettModules {
  emmett: { CommandHandler(options: { evolve: (s: PersonState, e: EmmettEvent) => PersonState; initialState: () => PersonState; mapToStreamId: (id: string) => string }): EmmettCommandHandler };
  sqlite: {
    getSQLiteEventStore(options: object): EmmettStore & { close?: () => Promise<void> };
    sqliteConnection(options: { fileName: string }): { querySingle<T>(sql: string): Promise<T>; close(): void };
  };
}

/**
 * Emmett's connection sends `PRAGMA journal_mode = WAL` without waiting for it, and sqlite3 runs a
 * connection's statements in parallel: if any other statement is active when the pragma runs, it
 * fails ("cannot change into wal mode from within a transaction", an unhandled error that ended the
 * bench twice in a row on 2026-11-23 at 03:52 and 03:54; reading the mode meanwhile is enough to cause it). So the
 * file is put in WAL mode first, on a connection of our own: the mode is kept in the file, and
 * Emmett's pragma then changes nothing and cannot fail. The end state is the one Emmett asks for.
 */
function walBeforeEmmett(file: string): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
}

/**
 * Emmett: @event-driven-io/emmett-sqlite's event store and Emmett's CommandHandler (aggregate the
 * stream with `evolve`, decide, append with the read version as expectation) — Emmett's own way
 * of handling a command. Given its best setting: one ambient connection for the whole run (by
 * default it opens a connection per operation). Our event id travels in the event's metadata.
 */
export async function emmettSide(file: string, modules: EmmettModules): Promise<PeerSide> {
  walBeforeEmmett(file);
  const connection = modules.sqlite.sqliteConnection({ fileName: file });
  const store = modules.sqlite.getSQLiteEventStore({ fileName: file, connectionOptions: { singleton: true, connection } });
  const toDomain = (e: EmmettEvent) => ({ eventId: e.metadata!['eventId'], type: e.type, data: e.data }) as IdentifiedPersonEvent;
  const handler = modules.emmett.CommandHandler({
    evolve: (state, e) => evolve(state, toDomain(e)),
    initialState: () => initialPersonState,
    mapToStreamId: (id) => personStream(id),
  });
  return {
    name: 'Emmett',
    async handle(personId, command) {
      await handler(store, personId, (state) =>
        decide(command, state).map((e) => ({
          type: e.type,
          data: e.data as Record<string, unknown>,
          metadata: { ...METADATA, eventId: e.eventId, schemaVersion: PERSON_EVENT_CATALOGUE[e.type].version },
        })),
      );
    },
    async read(personId) {
      return (await store.readStream(personStream(personId))).events.length;
    },
    async pragmas() {
      const journal = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
      const sync = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
      return `journal_mode=${journal.journal_mode}, synchronous=${sync.synchronous}${sync.synchronous === 2 ? ' (FULL)' : ''}, SQLite's defaults as built into sqlite3`;
    },
    async close() {
      await store.close?.();
      connection.close();
    },
  };
}
