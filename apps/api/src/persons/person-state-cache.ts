import type { PersonState } from '@parcours/domain';

/**
 * What deciding on a person needs, as of one revision of their stream: the folded state, and the
 * ids of every event stored (to tell a retry from a new event without reading the events again).
 */
export interface DecisionState {
  /** Revision of the last event folded in, -1 for no stream. */
  readonly revision: number;
  readonly state: PersonState;
  /** Every event id of the stream up to `revision`, lower case. */
  readonly eventIds: ReadonlySet<string>;
  /** The organisation of the user who recorded the registration (metadata): part of the caseload rule. */
  readonly registeredBy: string | null;
}

/**
 * A bounded, least-recently-used cache of decision states, keyed by person. It is never trusted
 * to be current: the repository reads the stream from the cached revision + 1 before every
 * decision (one indexed query, usually returning nothing) and folds what it finds, so an append
 * made by another process, another instance or another module is always seen. The bound is in
 * events, the unit of memory here (a fact holds its event's data): about 350 bytes each.
 */
export class PersonStateCache {
  private readonly entries = new Map<string, DecisionState>();
  private events = 0;

  constructor(private readonly maxEvents: number) {}

  get(personId: string): DecisionState | undefined {
    const entry = this.entries.get(personId);
    if (entry) {
      // Map iteration follows insertion order: re-inserting makes this the most recently used.
      this.entries.delete(personId);
      this.entries.set(personId, entry);
    }
    return entry;
  }

  /** Whether the person is cached, without making them the most recently used. */
  has(personId: string): boolean {
    return this.entries.has(personId);
  }

  set(personId: string, entry: DecisionState): void {
    this.delete(personId);
    const size = sizeOf(entry);
    if (size > this.maxEvents) return;
    this.entries.set(personId, entry);
    this.events += size;
    for (const [oldest, old] of this.entries) {
      if (this.events <= this.maxEvents) break;
      this.entries.delete(oldest);
      this.events -= sizeOf(old);
    }
  }

  delete(personId: string): void {
    const entry = this.entries.get(personId);
    if (!entry) return;
    this.entries.delete(personId);
    this.events -= sizeOf(entry);
  }

  get size(): { persons: number; events: number } {
    return { persons: this.entries.size, events: this.events };
  }
}

const sizeOf = (entry: DecisionState) => entry.revision + 1;
