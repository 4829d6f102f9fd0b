import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { type ImportLine, readLine, type UnreadableLine } from './import-line.js';

/** Consecutive lines of one person: the unit the importer validates and writes. */
export interface PersonRun {
  /** Null for a line whose person cannot be read: it forms a run of its own. */
  readonly personId: string | null;
  readonly lines: readonly (ImportLine | UnreadableLine)[];
}

/**
 * A person's lines are held in memory until the next person starts; a person with more lines than
 * this is cut into several runs, each validated and written on its own.
 */
export const MAX_RUN_LINES = 100_000;

/**
 * Streams the file line by line (readline pauses the stream while the consumer is busy, so memory
 * stays at one person's lines) and yields runs of consecutive lines of the same person. Blank lines
 * are skipped but still counted, so line numbers are those of an editor.
 */
export async function* readPersonRuns(input: Readable): AsyncGenerator<PersonRun> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let current: { personId: string | null; lines: (ImportLine | UnreadableLine)[] } | undefined;
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo += 1;
    const text = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!text.trim()) continue;
    const line = readLine(text, lineNo);
    const personId = line.personId;
    const continues = current !== undefined && personId !== null && current.personId === personId && current.lines.length < MAX_RUN_LINES;
    if (continues) {
      current!.lines.push(line);
      continue;
    }
    if (current) yield current;
    current = { personId, lines: [line] };
  }
  if (current) yield current;
}
