import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Chris's parcours (DOMAIN.md §9) as ndjson lines: the reference fixture. */
export interface FixtureLine {
  person: string;
  eventId: string;
  type: string;
  occurredAt: string;
  provenance: string;
  organisation?: Record<string, unknown>;
  after?: string;
  note?: string;
  data: Record<string, unknown>;
}

export const CHRIS_ID = '018f0000-0000-7000-8000-00000000c415';

export function chrisLines(): FixtureLine[] {
  const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'chris.ndjson');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as FixtureLine);
}
