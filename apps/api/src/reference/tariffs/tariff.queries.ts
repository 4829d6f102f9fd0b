import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError, tariffDecider, type TariffEventData } from '@parcours/domain';
import { ReferenceStreamRepository } from '../reference-stream.repository.js';

export type TariffView = TariffEventData<'TariffSet'> & {
  id: string;
  /** The stream's revision (the ETag, for If-Match). */
  revision: number;
  status: 'active' | 'withdrawn';
  /** How many times it was set: 1 for a tariff never changed. */
  versions: number;
  withdrawn: TariffEventData<'TariffWithdrawn'> | null;
};

export class GetTariffQuery extends Query<TariffView> {
  constructor(readonly tariffId: string) {
    super();
  }
}

/** A tariff as last set, and whether it was withdrawn, folded from its own stream. */
@QueryHandler(GetTariffQuery)
export class GetTariffHandler implements IQueryHandler<GetTariffQuery> {
  constructor(private readonly streams: ReferenceStreamRepository) {}

  async execute({ tariffId }: GetTariffQuery): Promise<TariffView> {
    const { revision, state } = await this.streams.load(tariffDecider, tariffId);
    if (!state.current) throw new NotFoundError('TARIFF_NOT_FOUND', `No tariff exists with id ${tariffId}`);
    return {
      id: tariffId,
      revision,
      ...state.current,
      status: state.withdrawn ? 'withdrawn' : 'active',
      versions: state.versions,
      withdrawn: state.withdrawn ?? null,
    };
  }
}
