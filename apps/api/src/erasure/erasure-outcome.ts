import type { AppendOutcome } from '../persons/commands/append-outcome.js';

/** What DELETE /persons/:id answers; a repeated erasure answers the same, with `replayed: true`. */
export interface ErasureOutcome extends AppendOutcome {
  /** When the data key was destroyed: from then on nothing reveals the identity or the notes. */
  readonly erasedAt: string;
  /**
   * Every read model has applied PersonErased and the read-model WAL was checkpointed, so the
   * old rows' bytes are gone from disk too. False: a projection lags; it drops them when it
   * catches up, and repeating the DELETE checks again.
   */
  readonly readModelsPurged: boolean;
}
