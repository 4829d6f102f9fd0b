import type { MigrationSummary } from './migration-summary.js';

export interface SummaryTextOptions {
  readonly from: string;
  /** The target, password hidden. */
  readonly to: string;
  /** Conflicts and mismatches printed at most, each list. */
  readonly maxListed?: number;
}

/** The summary printed on stdout at the end of a migration: counts, then what went wrong. */
export function summaryText(summary: MigrationSummary, options: SummaryTextOptions): string[] {
  const seconds = summary.elapsedMs / 1000;
  const { events, conflicts, verification } = summary;
  const out = [
    `migrate ${options.from} -> ${options.to}`,
    `streams:    ${summary.streams}`,
    `events:     ${events.copied} copied, ${events.alreadyThere} already there${events.skipped ? `, ${events.skipped} not copied (streams in conflict)` : ''}`,
    `conflicts:  ${conflicts.length}`,
    `verified:   ${verificationLine(verification)}`,
    `time:       ${seconds.toFixed(1)} s, ${Math.round(events.read / Math.max(seconds, 0.001))} events/s`,
  ];
  const max = options.maxListed ?? 50;
  const list = (title: string, messages: readonly string[]) => {
    if (messages.length === 0) return;
    out.push('', `${title}:`, ...messages.slice(0, max).map((m) => `  ${m}`));
    if (messages.length > max) out.push(`  ... and ${messages.length - max} more`);
  };
  list('conflicts', conflicts.map((c) => c.message));
  list('mismatches', verification?.mismatches.map((m) => m.message) ?? []);
  if (conflicts.length) {
    out.push('', 'Streams in conflict were left as they are in the target; other streams were copied. Resolve them, then run the same command again.');
  }
  return out;
}

function verificationLine(verification: MigrationSummary['verification']): string {
  if (!verification) return 'skipped (--no-verify)';
  const { streams, mismatches } = verification;
  if (mismatches.length === 0) return `${streams} streams, count and last event id match`;
  return `${streams} streams, ${mismatches.length} ${mismatches.length === 1 ? 'mismatch' : 'mismatches'}`;
}
