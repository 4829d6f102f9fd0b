import type { LoadedCohort } from '../cohorts/cohort-analytics.js';
import { costCutoffDay, memberCostLines, type CostLine, type CostPeriod, type Tariff } from '@parcours/domain';

interface CostedPerson {
  readonly revision: number;
  readonly lines: readonly CostLine[];
}

interface CohortLines {
  readonly loaded: LoadedCohort;
  readonly tariffsPosition: string;
  readonly cutoffDay: number;
  readonly byPerson: Map<string, CostedPerson>;
  readonly all: CostLine[];
}

/** Cohorts whose lines stay in memory (about 250 bytes a line); the least recently costed is dropped first. */
const MAX_CACHED_COHORTS = 8;

/**
 * Each cohort member's cost lines, kept across parcours checkpoints. A person's lines depend on
 * their summary (its revision), the tariffs (their checkpoint), the period and the cut-off's day:
 * when only the summaries moved, the persons whose revision did not change keep their lines, so
 * a write costs again one person, not the cohort.
 */
export class CostLinesCache {
  private readonly cohorts = new Map<string, CohortLines>();

  linesOf(loaded: LoadedCohort, tariffs: { position: string; all: readonly Tariff[] }, period: CostPeriod): readonly CostLine[] {
    const key = `${loaded.cohortId}|${period}`;
    const cutoffDay = costCutoffDay(loaded.cutoff);
    const previous = this.cohorts.get(key);
    if (previous?.loaded === loaded && previous.tariffsPosition === tariffs.position) return previous.all;
    const reusable = previous && previous.tariffsPosition === tariffs.position && previous.cutoffDay === cutoffDay ? previous.byPerson : undefined;
    const byPerson = new Map<string, CostedPerson>();
    const all: CostLine[] = [];
    for (const member of loaded.members) {
      const { personId, revision } = member.summary;
      let costed = reusable?.get(personId);
      if (costed?.revision !== revision) costed = { revision, lines: memberCostLines(member, tariffs.all, loaded.cutoff, period) };
      byPerson.set(personId, costed);
      for (const line of costed.lines) all.push(line);
    }
    this.cohorts.delete(key);
    this.cohorts.set(key, { loaded, tariffsPosition: tariffs.position, cutoffDay, byPerson, all });
    if (this.cohorts.size > MAX_CACHED_COHORTS) this.cohorts.delete(this.cohorts.keys().next().value!);
    return all;
  }
}
