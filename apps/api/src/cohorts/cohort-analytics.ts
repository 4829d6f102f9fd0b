import { Inject, Injectable } from '@nestjs/common';
import { cohortCutoff, cohortDecider, cohortMembers, NotFoundError, type CohortDefinition, type CohortMember, type PersonSummary } from '@parcours/domain';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { loadSummaries } from '../parcours/parcours.projection.js';
import { ProjectionRunner, ReadModelDatabase } from '../projections/index.js';
import { ReferenceStreamRepository } from '../reference/reference-stream.repository.js';

export interface LoadedCohort {
  readonly cohortId: string;
  readonly definition: CohortDefinition;
  readonly retired: boolean;
  readonly members: readonly CohortMember[];
  /** Observation cut-off, epoch ms. */
  readonly cutoff: number;
  /** The parcours projection's checkpoint these members were computed at. */
  readonly position: string;
}

/**
 * Cohorts for the aggregate views: the definition (reference data) and its members, computed
 * from the persons' summaries kept by the parcours projection. Summaries are loaded once per
 * projection checkpoint and members once per (cohort, checkpoint): warm queries reuse them, and
 * any new event moves the checkpoint and refreshes them.
 */
@Injectable()
export class CohortAnalytics {
  private summaries: { position: string; all: PersonSummary[] } | undefined;
  private readonly cohorts = new Map<string, LoadedCohort>();

  constructor(
    private readonly streams: ReferenceStreamRepository,
    private readonly runner: ProjectionRunner,
    private readonly database: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async load(cohortId: string): Promise<LoadedCohort> {
    const position = this.runner.checkpoint('parcours');
    const stream = await this.streams.load(cohortDecider, cohortId);
    if (!stream.state.definition) throw new NotFoundError('COHORT_NOT_FOUND', `No cohort with id ${cohortId}`);
    const key = `${cohortId}@${position}@${stream.revision}`;
    const cached = this.cohorts.get(key);
    if (cached) return cached;
    const definition = stream.state.definition;
    const loaded: LoadedCohort = {
      cohortId,
      definition,
      retired: stream.state.retired,
      members: cohortMembers(definition, this.allSummaries(position)),
      cutoff: cohortCutoff(definition, this.clock()),
      position,
    };
    for (const k of this.cohorts.keys()) if (k.startsWith(`${cohortId}@`)) this.cohorts.delete(k);
    this.cohorts.set(key, loaded);
    return loaded;
  }

  private allSummaries(position: string): PersonSummary[] {
    if (this.summaries?.position !== position) {
      this.summaries = { position, all: loadSummaries(this.database.connection, this.runner.tableFor('parcours')) };
    }
    return this.summaries.all;
  }
}
