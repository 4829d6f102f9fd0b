import type { ImportSummary, RejectedLine } from './import-summary.js';

export interface SummaryTextOptions {
  readonly file: string;
  readonly mode: string;
  /** Entries of the rejected list printed at most; held-back lines of a person print as one entry. */
  readonly maxListed?: number;
  readonly reportPath?: string | undefined;
}

/** The summary printed on stdout at the end of an import: counts, then the rejected lines. */
export function summaryText(summary: ImportSummary, options: SummaryTextOptions): string[] {
  const seconds = summary.elapsedMs / 1000;
  const handled = summary.events.imported + summary.events.duplicates;
  const { persons, events, rejectedLines } = summary;
  const out = [
    `import ${options.file} (${options.mode})`,
    `lines:      ${summary.lines}`,
    `persons:    ${persons.imported} imported${persons.partial ? ` (${persons.partial} partly)` : ''}, ${persons.unchanged} unchanged, ${persons.rejected} rejected`,
    `events:     ${events.imported} imported, ${events.duplicates} duplicates skipped`,
    `rejected:   ${rejectedLines.total} lines${rejectedLines.total ? ` (${rejectedLines.invalid} invalid, ${rejectedLines.heldBack} held back with them)` : ''}`,
    `time:       ${seconds.toFixed(1)} s, ${Math.round(handled / Math.max(seconds, 0.001))} events/s`,
  ];
  if (summary.splitPersons) {
    out.push(`note:       ${summary.splitPersons} persons had lines in separate places of the file; each run was imported on its own, in file order`);
  }
  if (summary.aborted) out.push(`stopped:    at line ${summary.aborted.line}: ${summary.aborted.message}`);
  if (!rejectedLines.total) return out;

  const entries = compact(rejectedLines.kept);
  const max = options.maxListed ?? 50;
  const listed = entries.slice(0, max);
  out.push('', 'rejected lines:', ...listed.map((e) => `  ${e}`));
  const listedLines = listed.reduce((n, e) => n + e.lines, 0);
  const rest = rejectedLines.total - listedLines;
  if (rest > 0) {
    const where = options.reportPath ? `all are in ${options.reportPath}` : 'use --report <file> to write them all';
    out.push(`  ... and ${rest} more rejected lines (${where})`);
  } else if (options.reportPath) {
    out.push(`  (also written to ${options.reportPath})`);
  }
  return out;
}

interface Entry {
  readonly lines: number;
  toString(): string;
}

/** One entry per invalid line; consecutive held-back lines of a person with one reason become ranges. */
function compact(rejected: readonly RejectedLine[]): Entry[] {
  const entries: Entry[] = [];
  let group: { person: string | null; reason: string; numbers: number[] } | undefined;
  const close = () => {
    if (!group) return;
    const { person, reason, numbers } = group;
    entries.push({ lines: numbers.length, toString: () => `${numbers.length > 1 ? 'lines' : 'line'} ${ranges(numbers)} (person ${person}): ${reason}` });
    group = undefined;
  };
  for (const line of rejected) {
    if (!line.heldBack) {
      close();
      const who = [line.person && `person ${line.person}`, line.eventId && `event ${line.eventId}`].filter(Boolean).join(', ');
      entries.push({ lines: 1, toString: () => `line ${line.line}${who ? ` (${who})` : ''}: ${line.code}: ${line.reason}` });
      continue;
    }
    if (!group || group.person !== line.person || group.reason !== line.reason) {
      close();
      group = { person: line.person, reason: line.reason, numbers: [] };
    }
    group.numbers.push(line.line);
  }
  close();
  return entries;
}

/** [1, 2, 3, 5, 7, 8] → "1-3, 5, 7-8" */
function ranges(numbers: readonly number[]): string {
  const parts: string[] = [];
  let start = numbers[0]!;
  let previous = start;
  for (const n of [...numbers.slice(1), NaN]) {
    if (n === previous + 1) {
      previous = n;
      continue;
    }
    parts.push(start === previous ? `${start}` : `${start}-${previous}`);
    start = n;
    previous = n;
  }
  return parts.join(', ');
}
