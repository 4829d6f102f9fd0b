import type { Position } from '@parcours/event-store';

/** What an append answers: where the person's stream now stands. */
export interface AppendOutcome {
  readonly personId: string;
  readonly revision: number;
  readonly position: Position;
  /** True when the request was a retry of an append already stored: nothing was written. */
  readonly replayed: boolean;
  readonly eventIds: readonly string[];
}
