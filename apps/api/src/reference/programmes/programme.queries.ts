import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError, programmeDecider, programmePeriodsInOrder, type ValidTime } from '@parcours/domain';
import { ReferenceStreamRepository } from '../reference-stream.repository.js';

export interface CanvasPeriodView {
  periodId: string;
  label: string;
  from: string;
  to: string;
  order: number;
  /** The period as an EDTF interval with its bounds (null when open). */
  span: ValidTime;
}

export interface ProgrammeView {
  id: string;
  /** The stream's revision (the ETag, for If-Match). */
  revision: number;
  name: string;
  description: string | null;
  organisationId: string | null;
  /** The canvas in reading order. */
  periods: CanvasPeriodView[];
}

export class GetProgrammeQuery extends Query<ProgrammeView> {
  constructor(readonly programmeId: string) {
    super();
  }
}

/** A programme and its canvas, folded from its own stream. */
@QueryHandler(GetProgrammeQuery)
export class GetProgrammeHandler implements IQueryHandler<GetProgrammeQuery> {
  constructor(private readonly streams: ReferenceStreamRepository) {}

  async execute({ programmeId }: GetProgrammeQuery): Promise<ProgrammeView> {
    const { revision, state } = await this.streams.load(programmeDecider, programmeId);
    if (!state.definition) throw new NotFoundError('PROGRAMME_NOT_FOUND', `No programme is defined with id ${programmeId}`);
    const { name, description, organisationId } = state.definition;
    return {
      id: programmeId,
      revision,
      name,
      description: description ?? null,
      organisationId: organisationId ?? null,
      periods: programmePeriodsInOrder(state).map(({ periodId, label, from, to, order, span }) => ({ periodId, label, from, to, order, span })),
    };
  }
}
