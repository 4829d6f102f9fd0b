import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppendResult, type EventStore, SqliteEventStore } from '@parcours/event-store';
import { v7 as uuidv7 } from 'uuid';

export function tempDir(prefix = 'parcours-projections-'): { readonly dir: string; readonly dbPath: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, dbPath: join(dir, 'parcours.sqlite'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function openStore(dbPath: string): SqliteEventStore {
  return new SqliteEventStore({ filename: dbPath, pollMs: 20 });
}

/** Appends `types.length` events, one per type, in streams of up to 10 events. */
export async function appendEvents(store: EventStore, types: readonly string[]): Promise<AppendResult> {
  let last: AppendResult | undefined;
  for (let i = 0; i < types.length; i += 10) {
    const events = types.slice(i, i + 10).map((type) => ({ eventId: uuidv7(), type, data: { i } }));
    last = await store.append(`test-${uuidv7()}`, events, 'no_stream');
  }
  if (!last) throw new Error('nothing appended');
  return last;
}

/** `n` events alternating between types A, B and C. */
export function typesABC(n: number): string[] {
  return Array.from({ length: n }, (_, i) => 'ABC'[i % 3]!);
}

/** Polls until the condition holds (no fixed sleeps); fails with `what` after the timeout. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A logger that keeps what it is told, for assertions and a quiet test output. */
export function memoryLogger(): { log(message: string): void; error(message: string): void; readonly errors: string[] } {
  const errors: string[] = [];
  return { errors, log: () => undefined, error: (message: string) => void errors.push(message) };
}
