import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { foldParcours, renderParcours, type ParcoursState, type ParcoursView } from '@parcours/domain';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { ProjectionRunner, ReadModelDatabase } from '../projections/index.js';
import { loadParcoursState } from './parcours.projection.js';
import { PersonHistory } from './person-history.js';
import { ProgrammeCanvases } from './programme-canvases.js';

export class GetParcoursQuery extends Query<ParcoursView> {
  constructor(
    readonly personId: string,
    /** Valid-time cut (EDTF), already validated. */
    readonly asLivedAt: string | undefined,
    /** Recorded-time cut: only what had been recorded by then. */
    readonly asKnownAt: Date | undefined,
    /** Without clinical events: folded from the filtered stream, never from the full read model. */
    readonly hideCare = false,
  ) {
    super();
  }
}

/**
 * The parcours as known now comes from the read model (one row); as known at a past date, it is
 * the fold of the stream's prefix recorded by then. Both render with the same pure function.
 */
@QueryHandler(GetParcoursQuery)
export class GetParcoursHandler implements IQueryHandler<GetParcoursQuery> {
  constructor(
    private readonly history: PersonHistory,
    private readonly canvases: ProgrammeCanvases,
    private readonly runner: ProjectionRunner,
    private readonly database: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ personId, asLivedAt, asKnownAt, hideCare }: GetParcoursQuery): Promise<ParcoursView> {
    const state = asKnownAt || hideCare ? foldParcours(personId, await this.history.inputs(personId, asKnownAt, hideCare)) : await this.current(personId);
    const programmes = await this.canvases.for(state, asKnownAt);
    return renderParcours(state, { asLivedAt: asLivedAt ?? null, now: asKnownAt ?? this.clock(), programmes });
  }

  /** From the read model; a person it has not reached yet is folded from the stream instead. */
  private async current(personId: string): Promise<ParcoursState> {
    const stored = loadParcoursState(this.database.connection, this.runner.tableFor('parcours'), personId);
    return stored ?? foldParcours(personId, await this.history.inputs(personId));
  }
}
