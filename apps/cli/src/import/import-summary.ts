/** A line that was not imported, as printed and as written to the --report file (one JSON per line). */
export interface RejectedLine {
  readonly line: number;
  readonly person: string | null;
  readonly eventId: string | null;
  readonly code: string;
  readonly reason: string;
  /** The line itself is fine; another line of its person was rejected (all-or-nothing). */
  readonly heldBack: boolean;
}

/** Where the import stands, for a progress display: sent after each person. */
export interface ImportProgress {
  readonly bytesRead: number;
  readonly lines: number;
  readonly eventsImported: number;
  readonly duplicates: number;
  readonly rejectedLines: number;
}

/**
 * Counts are per run of consecutive lines of a person: a person whose lines come in two separate
 * runs counts twice (`splitPersons` says how many did).
 */
export interface ImportSummary {
  /** Non-blank lines read. */
  lines: number;
  persons: {
    /** At least one new event written (`partial` of them also had lines rejected: best-effort). */
    imported: number;
    partial: number;
    /** Every line was already stored. */
    unchanged: number;
    /** Nothing new written, and lines rejected. */
    rejected: number;
  };
  events: { imported: number; duplicates: number };
  rejectedLines: {
    total: number;
    /** Lines that break a rule themselves; the rest of `total` were held back with them. */
    invalid: number;
    heldBack: number;
    /** The first rejected lines, in file order; all of them go to `onRejected`. */
    kept: RejectedLine[];
  };
  /** Persons whose lines were not contiguous (each run was imported on its own, in file order). */
  splitPersons: number;
  elapsedMs: number;
  /** Set when an error that is not about a line (the store is unavailable...) stopped the import. */
  aborted?: { line: number; message: string };
}

export function emptySummary(): ImportSummary {
  return {
    lines: 0,
    persons: { imported: 0, partial: 0, unchanged: 0, rejected: 0 },
    events: { imported: 0, duplicates: 0 },
    rejectedLines: { total: 0, invalid: 0, heldBack: 0, kept: [] },
    splitPersons: 0,
    elapsedMs: 0,
  };
}
