import type { JsonObject } from '@parcours/event-store';
import type { ImportLine } from '../import/import-line.js';
import { importPersonRun, type ImportPorts } from '../import/import-person-run.js';
import type { RejectedLine } from '../import/import-summary.js';
import type { CohortPerson } from './cohort-line.js';

export interface LoadProgress {
  readonly persons: number;
  readonly lines: number;
  readonly eventsImported: number;
  readonly duplicates: number;
  readonly rejectedLines: number;
}

export interface LoadSummary extends LoadProgress {
  readonly personsImported: number;
  readonly personsUnchanged: number;
  readonly personsRejected: number;
  /** The first rejected lines; `line` is the line number the same cohort has in its --out file. */
  readonly rejected: readonly RejectedLine[];
  readonly elapsedMs: number;
}

export interface LoadOptions {
  /** Stored with every event: requestId, source, recordedBy. */
  readonly metadata: JsonObject;
  readonly onPerson?: (progress: LoadProgress) => void;
  readonly keepRejected?: number;
}

/**
 * Loads generated persons through the application layer, exactly as `import` loads a file (the
 * importer's per-person run: the domain's check, then the command bus, all or nothing per person),
 * without writing the file first. Ids are the seed's, so loading the same cohort again writes nothing.
 */
export async function loadCohort(persons: Iterable<CohortPerson>, ports: ImportPorts, options: LoadOptions): Promise<LoadSummary> {
  const started = Date.now();
  const keep = options.keepRejected ?? 20;
  const rejected: RejectedLine[] = [];
  let progress = { persons: 0, lines: 0, eventsImported: 0, duplicates: 0, rejectedLines: 0 };
  const outcome = { personsImported: 0, personsUnchanged: 0, personsRejected: 0 };
  for (const person of persons) {
    const personId = person[0]!.person.toLowerCase();
    const lines: ImportLine[] = person.map(({ person: _, ...input }, i) => ({ lineNo: progress.lines + i + 1, personId, input }));
    const run = await importPersonRun(personId, lines, ports, 'all-or-nothing', options.metadata);
    for (const line of lines) {
      const failure = run.failures.get(line.lineNo);
      if (failure && rejected.length < keep) rejected.push({ line: line.lineNo, person: personId, eventId: line.input.eventId, ...failure });
    }
    if (run.failures.size) outcome.personsRejected += 1;
    else if (run.imported) outcome.personsImported += 1;
    else outcome.personsUnchanged += 1;
    progress = {
      persons: progress.persons + 1,
      lines: progress.lines + person.length,
      eventsImported: progress.eventsImported + run.imported,
      duplicates: progress.duplicates + run.duplicates,
      rejectedLines: progress.rejectedLines + run.failures.size,
    };
    options.onPerson?.(progress);
  }
  return { ...progress, ...outcome, rejected, elapsedMs: Date.now() - started };
}
