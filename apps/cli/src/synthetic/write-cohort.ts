import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { CohortPerson } from './cohort-line.js';

export interface WrittenCohort {
  readonly persons: number;
  readonly events: number;
  readonly bytes: number;
}

/**
 * Writes a cohort as ndjson (the import format), one person's lines at a time, waiting for the
 * stream to drain so that a large cohort streams through instead of piling up in memory.
 */
export async function writeCohort(persons: Iterable<CohortPerson>, out: Writable, onPerson?: (written: WrittenCohort) => void): Promise<WrittenCohort> {
  let count = { persons: 0, events: 0, bytes: 0 };
  for (const person of persons) {
    const chunk = person.map((line) => `${JSON.stringify(line)}\n`).join('');
    count = { persons: count.persons + 1, events: count.events + person.length, bytes: count.bytes + Buffer.byteLength(chunk) };
    if (!out.write(chunk)) await once(out, 'drain');
    onPerson?.(count);
  }
  return count;
}

/** Writes the cohort to a file (created or replaced) and closes it. */
export async function writeCohortFile(persons: Iterable<CohortPerson>, path: string, onPerson?: (written: WrittenCohort) => void): Promise<WrittenCohort> {
  // A person is ~15 KB: a 1 MB buffer lets the generator run ahead of the disk instead of waiting at every person.
  const out = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const opened = once(out, 'open');
  try {
    await opened;
    const written = await writeCohort(persons, out, onPerson);
    out.end();
    await once(out, 'finish');
    return written;
  } catch (error) {
    out.destroy();
    throw error;
  }
}
