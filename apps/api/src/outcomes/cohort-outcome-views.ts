import { Injectable } from '@nestjs/common';
import { CohortAnalytics, type LoadedCohort } from '../cohorts/cohort-analytics.js';
import { publishedDeep } from '@parcours/domain';
import { cohortOutcomes, type OutcomeValues } from '@parcours/domain';
import type { CellValue } from '@parcours/domain';

/** GET /cohorts/:id/outcomes, as published: hidden figures carry no reason. */
export interface CohortOutcomesView {
  readonly cohort: {
    readonly id: string;
    readonly name: string;
    /** Hidden under 11. */
    readonly members: CellValue;
    readonly entryRule: string;
    readonly programmeId: string | null;
    readonly organisationId: string | null;
    readonly retired: boolean;
    /** The observation cut-off (ISO 8601): open episodes run to it, members are censored at it. */
    readonly cutoff: string;
  };
  readonly indicators: OutcomeValues;
  /** The parcours read model's checkpoint the members were computed at. */
  readonly position: string;
}

/**
 * A cohort's outcomes, computed once per loaded cohort: CohortAnalytics hands back the same
 * object while the parcours checkpoint and the cohort's definition stay, so a warm request costs
 * a lookup. A write moves the checkpoint, CohortAnalytics loads the members anew, and the
 * outcomes of the old object are dropped with it (a WeakMap holds no cohort alive).
 */
@Injectable()
export class CohortOutcomeViews {
  private readonly views = new WeakMap<LoadedCohort, CohortOutcomesView>();

  constructor(private readonly analytics: CohortAnalytics) {}

  async view(cohortId: string): Promise<CohortOutcomesView> {
    const loaded = await this.analytics.load(cohortId);
    const cached = this.views.get(loaded);
    if (cached) return cached;
    const view = publish(loaded);
    this.views.set(loaded, view);
    return view;
  }
}

function publish(loaded: LoadedCohort): CohortOutcomesView {
  const { definition } = loaded;
  const outcomes = cohortOutcomes(loaded.members, loaded.cutoff);
  return publishedDeep({
    cohort: {
      id: loaded.cohortId,
      name: definition.name,
      members: outcomes.members,
      entryRule: definition.entryRule,
      programmeId: definition.programmeId ?? null,
      organisationId: definition.organisationId ?? null,
      retired: loaded.retired,
      cutoff: new Date(loaded.cutoff).toISOString(),
    },
    indicators: outcomes.indicators,
    position: loaded.position,
  });
}
