import { createReadStream } from 'node:fs';
import type { JsonObject } from '@parcours/event-store';
import { type ImportLine, isUnreadable } from './import-line.js';
import { type ImportMode, type ImportPorts, importPersonRun } from './import-person-run.js';
import { emptySummary, type ImportProgress, type ImportSummary, type RejectedLine } from './import-summary.js';
import { heldBack, type LineFailure } from './line-failure.js';
import { type PersonRun, readPersonRuns } from './person-runs.js';
import { SeenPersons } from './seen-persons.js';

export type { ImportPorts, ImportMode } from './import-person-run.js';

export interface ImportOptions {
  readonly mode: ImportMode;
  /** Stored with every event: requestId, source, recordedBy. */
  readonly metadata: JsonObject;
  /** How many rejected lines the summary keeps in memory; every one goes to onRejected. */
  readonly keepRejected?: number;
  readonly onRejected?: (line: RejectedLine) => void;
  readonly onProgress?: (progress: ImportProgress) => void;
}

/**
 * Imports an ndjson file of person events through the application's command bus, streaming it one
 * person at a time. The file's event ids make it idempotent: lines already stored are counted as
 * duplicates and nothing is written twice, so an interrupted or repeated import is simply re-run.
 */
export async function importNdjson(path: string, ports: ImportPorts, options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const summary = emptySummary();
  const keep = options.keepRejected ?? 1000;
  const seen = new SeenPersons();
  // Persons refused in all-or-nothing mode: their later runs are refused too, so nothing of them is written.
  const refusedAt = new Map<string, number>();
  const input = createReadStream(path);

  const reject = (lineNo: number, personId: string | null, eventId: string | null, failure: LineFailure) => {
    const line: RejectedLine = { line: lineNo, person: personId, eventId, code: failure.code, reason: failure.reason, heldBack: failure.heldBack };
    summary.rejectedLines.total += 1;
    if (failure.heldBack) summary.rejectedLines.heldBack += 1;
    else summary.rejectedLines.invalid += 1;
    if (summary.rejectedLines.kept.length < keep) summary.rejectedLines.kept.push(line);
    options.onRejected?.(line);
  };

  try {
    for await (const run of readPersonRuns(input)) {
      summary.lines += run.lines.length;
      try {
        await importRun(run);
      } catch (error) {
        summary.aborted = { line: run.lines[0]!.lineNo, message: (error as Error).message ?? String(error) };
        break;
      }
      options.onProgress?.({
        bytesRead: input.bytesRead,
        lines: summary.lines,
        eventsImported: summary.events.imported,
        duplicates: summary.events.duplicates,
        rejectedLines: summary.rejectedLines.total,
      });
    }
  } finally {
    input.destroy();
    summary.elapsedMs = Date.now() - started;
  }
  return summary;

  async function importRun(run: PersonRun): Promise<void> {
    const readable = run.lines.filter((l): l is ImportLine => !isUnreadable(l));
    const failures = new Map<number, LineFailure>();
    for (const line of run.lines) if (isUnreadable(line)) failures.set(line.lineNo, { code: line.code, reason: line.reason, heldBack: false });
    let imported = 0;
    if (run.personId !== null && readable.length) {
      if (seen.add(run.personId)) summary.splitPersons += 1;
      const earlier = refusedAt.get(run.personId);
      if (earlier !== undefined && options.mode === 'all-or-nothing') {
        for (const line of readable) failures.set(line.lineNo, heldBack(`an earlier run of this person's lines (from line ${earlier}) was rejected`));
      } else {
        const outcome = await importPersonRun(run.personId, readable, ports, options.mode, options.metadata, failures.size > 0);
        for (const [lineNo, failure] of outcome.failures) failures.set(lineNo, failure);
        imported = outcome.imported;
        summary.events.imported += outcome.imported;
        summary.events.duplicates += outcome.duplicates;
      }
    }
    if (run.personId !== null) countPerson(run.personId, run.lines[0]!.lineNo, imported, failures.size);
    // The lines at fault first, then those held back with them: the summary prints those as ranges.
    for (const wanted of [false, true]) {
      for (const line of run.lines) {
        const failure = failures.get(line.lineNo);
        if (failure?.heldBack === wanted) reject(line.lineNo, line.personId, isUnreadable(line) ? line.eventId : line.input.eventId, failure);
      }
    }
  }

  function countPerson(personId: string, firstLine: number, imported: number, failures: number): void {
    if (imported > 0) summary.persons.imported += 1;
    if (imported > 0 && failures > 0) summary.persons.partial += 1;
    if (imported === 0 && failures === 0) summary.persons.unchanged += 1;
    if (imported === 0 && failures > 0) summary.persons.rejected += 1;
    if (failures > 0 && options.mode === 'all-or-nothing' && !refusedAt.has(personId)) refusedAt.set(personId, firstLine);
  }
}
