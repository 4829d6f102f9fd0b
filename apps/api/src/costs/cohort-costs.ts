import { Injectable } from '@nestjs/common';
import { CohortAnalytics, type LoadedCohort } from '../cohorts/cohort-analytics.js';
import { ProjectionRunner, ReadModelDatabase } from '../projections/index.js';
import { CostLinesCache } from './cost-lines-cache.js';
import { cohortCostView, type CohortCostView, type CostGroupBy, type CostPeriod, type Tariff } from '@parcours/domain';
import { loadTariffs } from './tariffs.projection.js';

export interface CohortCostsAnswer {
  readonly loaded: LoadedCohort;
  readonly tariffsPosition: string;
  readonly view: CohortCostView;
}

/** Published views kept, per (cohort, checkpoints, period, groupBy, currency); the oldest is dropped first. */
const MAX_CACHED_VIEWS = 256;

/**
 * A cohort's costs. A published view is computed once per (cohort and its members, tariffs
 * checkpoint, period, groupBy, currency): CohortAnalytics gives the same members object back
 * while the parcours checkpoint stays, tariffs are read once per tariffs checkpoint, so a warm
 * request parses and costs nothing. When a write moves a checkpoint, only the persons it changed
 * are costed again (CostLinesCache); the totals are then added up anew.
 */
@Injectable()
export class CohortCosts {
  private tariffs: { position: string; all: Tariff[] } | undefined;
  private readonly lines = new CostLinesCache();
  private readonly views = new Map<string, { loaded: LoadedCohort; view: CohortCostView }>();

  constructor(
    private readonly analytics: CohortAnalytics,
    private readonly runner: ProjectionRunner,
    private readonly database: ReadModelDatabase,
  ) {}

  async view(cohortId: string, groupBy: CostGroupBy, currency: string, period: CostPeriod): Promise<CohortCostsAnswer> {
    const loaded = await this.analytics.load(cohortId);
    const tariffs = this.currentTariffs();
    const key = `${cohortId}|${tariffs.position}|${period}|${groupBy}|${currency}`;
    const cached = this.views.get(key);
    if (cached?.loaded === loaded) return { loaded, tariffsPosition: tariffs.position, view: cached.view };
    const lines = this.lines.linesOf(loaded, tariffs, period);
    const view = cohortCostView({ members: loaded.members, lines, cutoff: loaded.cutoff, groupBy, currency });
    this.views.delete(key);
    this.views.set(key, { loaded, view });
    if (this.views.size > MAX_CACHED_VIEWS) this.views.delete(this.views.keys().next().value!);
    return { loaded, tariffsPosition: tariffs.position, view };
  }

  private currentTariffs(): { position: string; all: Tariff[] } {
    const position = this.runner.checkpoint('tariffs');
    if (this.tariffs?.position !== position) this.tariffs = { position, all: loadTariffs(this.database.connection, this.runner.tableFor('tariffs')) };
    return this.tariffs;
  }
}
