import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Chris's fixture, and copies of it as other persons, as ndjson lines for the import tests. */
export const CHRIS_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'chris.ndjson');
export const CHRIS_ID = '018f0000-0000-7000-8000-00000000c415';

export function chrisLines(): string[] {
  return readFileSync(CHRIS_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
}

/**
 * Chris's lines as person number `k` (k ≥ 1): every id of the fixture starts with `018f0000-`, so
 * changing that group gives new person, event, episode and referral ids that still refer to each other.
 */
export function asPerson(k: number, lines: readonly string[] = chrisLines()): string[] {
  const group = `${k.toString(16).padStart(8, '0')}-`;
  return lines.map((l) => l.replaceAll('018f0000-', group));
}

export function personIdOf(k: number): string {
  return asPerson(k, [CHRIS_ID])[0]!;
}

/** Changes one line's object (0-based index) and gives the line back as text. */
export function editLine(lines: readonly string[], index: number, edit: (line: Record<string, unknown> & { data: Record<string, unknown> }) => void): string[] {
  const copy = [...lines];
  const parsed = JSON.parse(copy[index]!);
  edit(parsed);
  copy[index] = JSON.stringify(parsed);
  return copy;
}

export function writeLines(path: string, lines: readonly string[]): string {
  writeFileSync(path, lines.length ? `${lines.join('\n')}\n` : '');
  return path;
}
