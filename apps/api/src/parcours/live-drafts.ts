import type Database from 'better-sqlite3';
import type { ParcoursDraft } from '@parcours/domain';
import { preparedFor } from '../projections/prepared-statements.js';

/** Facts kept in folded drafts per read-model table (a fact is a few hundred bytes): ≈ 40 MB. */
const MAX_FACTS = 100_000;

/**
 * Folded drafts of the persons the live projection touched last, per connection and table. A
 * live append touches one person; without them every batch decoded and folded that person's
 * whole path again from its segments. A draft is trusted only at the revision the segments have
 * (`take`): a batch whose transaction rolled back leaves a draft ahead of its segments, which is
 * then dropped and folded again. Least recently used first out, bounded in facts.
 */
export class LiveDrafts {
  /** With their size when put: a draft taken out grows as batches fold into it. */
  private readonly drafts = new Map<string, { readonly draft: ParcoursDraft; readonly size: number }>();
  private facts = 0;

  constructor(private readonly maxFacts = MAX_FACTS) {}

  /** The person's draft if it is at `revision` (the segments' last), else undefined. */
  take(personId: string, revision: number): ParcoursDraft | undefined {
    const entry = this.drafts.get(personId);
    if (!entry) return undefined;
    this.remove(personId);
    return entry.draft.revision === revision ? entry.draft : undefined;
  }

  put(draft: ParcoursDraft): void {
    this.remove(draft.personId);
    const size = draft.facts.length;
    if (size > this.maxFacts) return;
    this.drafts.set(draft.personId, { draft, size });
    this.facts += size;
    for (const [personId, oldest] of this.drafts) {
      if (this.facts <= this.maxFacts) break;
      this.drafts.delete(personId);
      this.facts -= oldest.size;
    }
  }

  remove(personId: string): void {
    const entry = this.drafts.get(personId);
    if (!entry) return;
    this.drafts.delete(personId);
    this.facts -= entry.size;
  }

  get size(): { persons: number; facts: number } {
    return { persons: this.drafts.size, facts: this.facts };
  }
}

/** The drafts of one connection and table (a new version's tables get their own). */
export function liveDraftsFor(db: Database.Database, segmentsTable: string): LiveDrafts {
  return preparedFor(db, `${segmentsTable}#live-drafts`, () => new LiveDrafts());
}
