import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  decide,
  evolve,
  initialPersonState,
  PERSON_EVENT_CATALOGUE,
  personStream,
  type IdentifiedPersonEvent,
  type PersonEventOf,
} from '@parcours/domain';
import { type ExpectedRevision, type JsonObject, SqliteEventStore } from '@parcours/event-store';
import { parseAll } from '../../apps/api/src/persons/commands/record-person-events.command.js';
import { generateCohort } from '../../apps/cli/src/synthetic/generate-cohort.js';
import type { CohortPerson } from '../../apps/cli/src/synthetic/cohort-line.js';
import { BENCH_ORGANISATION } from './bench-auth.js';

/**
 * The event file bench:replay works on: a seeded synthetic cohort (apps/cli/src/synthetic),
 * appended person by person straight through `SqliteEventStore.append`, without the command bus
 * (loading speed is not what the bench measures). Each person's lines go through `parseAll` (the
 * API's conversion of input lines to domain events) and the domain's decider (`decide`, pure: it
 * turns a correction's replacement into its parsed form, as the API stores it), then are appended
 * in chunks of at most 500 events with `metadata.schemaVersion` from the catalogue — what the API
 * would have stored for the same lines, apart from the recording times, all "now".
 *
 * The load opens the store with `synchronous = NORMAL` (no fsync per commit); the measurements
 * that follow open the file with the application's own settings.
 */
export interface CohortSpec {
  readonly seed: string;
  readonly persons: number;
  readonly eventsPerPerson: number;
  /**
   * 1 (default): each person's events are appended together, persons one after the other — the
   * brief's load, and the best case for the projections (a batch touches few persons). N > 1: the
   * persons are taken N at a time and their events appended one per append, round-robin, as years
   * of day-to-day recording would interleave them in the log.
   */
  readonly interleave: number;
}

export interface LoadReport {
  /** Whether the file was loaded in this run (false: copied from the --reuse cache). */
  readonly loaded: boolean;
  readonly loadMs: number;
  readonly copyMs: number;
  readonly cacheFile: string | undefined;
}

const CHUNK = 500;

export function cacheName(spec: CohortSpec): string {
  const seed = spec.seed.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40);
  return `replay-seed-${seed}-${spec.persons}x${spec.eventsPerPerson}${spec.interleave > 1 ? `-interleave${spec.interleave}` : ''}.sqlite`;
}

/**
 * Writes the cohort into a fresh event file at `target`. With `reuseDir`, the file is loaded once
 * into the cache there (with a sidecar `.json` describing it) and copied to `target` on later runs;
 * the sidecar holds a fingerprint of the first persons, so a changed generator loads afresh.
 */
export async function prepareEventFile(
  target: string,
  spec: CohortSpec,
  reuseDir: string | undefined,
  progress: (line: string) => void,
): Promise<LoadReport> {
  if (!reuseDir) {
    const started = performance.now();
    await loadCohortFile(target, spec, progress);
    return { loaded: true, loadMs: performance.now() - started, copyMs: 0, cacheFile: undefined };
  }
  mkdirSync(reuseDir, { recursive: true });
  const cacheFile = resolve(join(reuseDir, cacheName(spec)));
  const sidecar = `${cacheFile}.json`;
  const fingerprint = cohortFingerprint(spec);
  let loaded = false;
  let loadMs = 0;
  if (!isCached(cacheFile, sidecar, fingerprint)) {
    for (const f of [cacheFile, `${cacheFile}-wal`, `${cacheFile}-shm`, sidecar]) rmSync(f, { force: true });
    const started = performance.now();
    await loadCohortFile(cacheFile, spec, progress);
    loadMs = performance.now() - started;
    loaded = true;
    writeFileSync(sidecar, `${JSON.stringify({ ...spec, fingerprint, loadedAt: new Date().toISOString(), loadMs: Math.round(loadMs) }, null, 2)}\n`);
  }
  const copyStarted = performance.now();
  copyFileSync(cacheFile, target);
  return { loaded, loadMs, copyMs: performance.now() - copyStarted, cacheFile };
}

function isCached(file: string, sidecar: string, fingerprint: string): boolean {
  if (!existsSync(file) || !existsSync(sidecar) || existsSync(`${file}-wal`)) return false;
  try {
    return (JSON.parse(readFileSync(sidecar, 'utf8')) as { fingerprint?: string }).fingerprint === fingerprint;
  } catch {
    return false;
  }
}

/** Changes when the generator's output for the seed changes (persons depend on seed and index only). */
function cohortFingerprint(spec: CohortSpec): string {
  const hash = createHash('sha256');
  hash.update(`recorded by ${BENCH_ORGANISATION}`);
  for (const person of generateCohort({ seed: spec.seed, persons: Math.min(3, spec.persons), eventsPerPerson: spec.eventsPerPerson })) {
    hash.update(JSON.stringify(person));
  }
  return hash.digest('hex').slice(0, 16);
}

async function loadCohortFile(file: string, spec: CohortSpec, progress: (line: string) => void): Promise<void> {
  const store = new SqliteEventStore({ filename: file, synchronous: 'NORMAL' });
  const metadata: JsonObject = {
    requestId: `bench:replay:seed-${spec.seed}`,
    source: `synthetic cohort, seed ${spec.seed}`,
    recordedBy: { userId: 'bench', organisationId: BENCH_ORGANISATION },
  };
  const started = performance.now();
  let lastReport = started;
  let events = 0;
  let persons = 0;
  const report = () => {
    if (performance.now() - lastReport < 10_000) return;
    lastReport = performance.now();
    const seconds = (lastReport - started) / 1000;
    progress(`load: ${persons}/${spec.persons} persons, ${events} events, ${Math.round(events / seconds)} events/s`);
  };
  const toNew = (event: IdentifiedPersonEvent) => ({
    eventId: event.eventId,
    type: event.type,
    data: event.data as JsonObject,
    metadata: { ...metadata, schemaVersion: PERSON_EVENT_CATALOGUE[event.type].version },
  });
  const group: { personId: string; decided: IdentifiedPersonEvent[] }[] = [];
  /** Appends the group's events one per append, round-robin over its persons. */
  const appendInterleaved = async () => {
    const longest = Math.max(0, ...group.map((p) => p.decided.length));
    for (let revision = 0; revision < longest; revision++) {
      for (const { personId, decided } of group) {
        const event = decided[revision];
        if (!event) continue;
        await store.append(personStream(personId), [toNew(event)], revision === 0 ? 'no_stream' : revision - 1);
        events += 1;
      }
      report();
    }
    persons += group.length;
    group.length = 0;
  };
  try {
    for (const person of generateCohort({ seed: spec.seed, persons: spec.persons, eventsPerPerson: spec.eventsPerPerson })) {
      const decided = decidePerson(person);
      if (spec.interleave > 1) {
        group.push(decided);
        if (group.length >= spec.interleave) await appendInterleaved();
        continue;
      }
      let expected: ExpectedRevision = 'no_stream';
      for (let i = 0; i < decided.decided.length; i += CHUNK) {
        const chunk = decided.decided.slice(i, i + CHUNK).map(toNew);
        expected = (await store.append(personStream(decided.personId), chunk, expected)).nextRevision;
      }
      events += decided.decided.length;
      persons += 1;
      report();
    }
    if (group.length) await appendInterleaved();
  } finally {
    await store.close();
  }
  // The last connection closed: SQLite has checkpointed the WAL into the file. Make sure of it.
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** parseAll (the API's conversion of lines to events), then the decider, as the import would. */
function decidePerson(person: CohortPerson): { personId: string; decided: IdentifiedPersonEvent[] } {
  const personId = person[0]!.person.toLowerCase();
  const events = parseAll(
    person.map(({ person: _, ...input }) => input),
    'events',
  );
  const [registration, ...rest] = events;
  if (registration?.type !== 'PersonRegistered') throw new Error(`person ${personId}: the first line is not PersonRegistered`);
  const registered = decide({ type: 'RegisterPerson', event: registration as PersonEventOf<'PersonRegistered'> & { eventId: string } }, initialPersonState);
  const state = registered.reduce((s, e) => evolve(s, e), initialPersonState);
  const recorded = rest.length ? decide({ type: 'RecordPersonEvents', events: rest }, state) : [];
  return { personId, decided: [...registered, ...recorded] };
}

/** Events in the file and the ids of its persons (from their first events). */
export function describeEventFile(file: string): { events: number; personIds: string[]; bytes: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const events = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    const personIds = (
      db.prepare("SELECT substr(stream_id, 8) AS id FROM events WHERE revision = 0 AND stream_id LIKE 'person-%' ORDER BY position").all() as { id: string }[]
    ).map((r) => r.id);
    const pageCount = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    return { events, personIds, bytes: pageCount * pageSize };
  } finally {
    db.close();
  }
}
