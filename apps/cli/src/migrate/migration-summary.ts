/** What a migration reports, while it runs and at the end. */

/** A stream the target holds differently: nothing more of it is copied in this run. */
export interface MigrationConflict {
  readonly streamId: string;
  /** The first revision that could not be copied. */
  readonly revision: number;
  /** Names the stream, the revision and what each side holds there. */
  readonly message: string;
}

/** A stream whose copy, read back from the target, does not end like the source. */
export interface VerifyMismatch {
  readonly streamId: string;
  readonly message: string;
}

export interface MigrationProgress {
  readonly phase: 'copy' | 'verify';
  /** Source events handled so far (copied, already there or skipped). */
  readonly eventsRead: number;
  readonly copied: number;
  readonly alreadyThere: number;
  readonly conflicts: number;
  /** Streams seen so far; during verification, every stream of the source. */
  readonly streams: number;
  readonly streamsVerified: number;
}

export interface MigrationSummary {
  readonly streams: number;
  readonly events: {
    readonly read: number;
    /** Written by this run. */
    readonly copied: number;
    /** Found in the target, same ids at the same revisions: nothing written (a re-run). */
    readonly alreadyThere: number;
    /** Not copied because their stream is in conflict. */
    readonly skipped: number;
  };
  readonly conflicts: readonly MigrationConflict[];
  /** Absent when verification was turned off. */
  readonly verification?: { readonly streams: number; readonly mismatches: readonly VerifyMismatch[] };
  readonly elapsedMs: number;
}
