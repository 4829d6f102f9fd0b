import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NotFoundError, organisationDecider, type OrganisationType } from '@parcours/domain';
import { ReferenceStreamRepository } from '../reference-stream.repository.js';

export interface ConventionView {
  conventionId: string;
  withOrganisationId: string;
  purpose: string;
  /** EDTF dates as recorded. */
  since: string;
  until: string | null;
  endedAt: string | null;
}

export interface OrganisationView {
  id: string;
  /** The stream's revision (the ETag, for If-Match). */
  revision: number;
  name: string;
  type: OrganisationType;
  country: string;
  city: string | null;
  formerNames: readonly string[];
  conventions: ConventionView[];
}

export class GetOrganisationQuery extends Query<OrganisationView> {
  constructor(readonly organisationId: string) {
    super();
  }
}

/** An organisation folded from its own stream (lists will come from projections). */
@QueryHandler(GetOrganisationQuery)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisationQuery> {
  constructor(private readonly streams: ReferenceStreamRepository) {}

  async execute({ organisationId }: GetOrganisationQuery): Promise<OrganisationView> {
    const { revision, state } = await this.streams.load(organisationDecider, organisationId);
    if (!state.profile) throw new NotFoundError('ORGANISATION_NOT_FOUND', `No organisation is registered with id ${organisationId}`);
    const { name, type, country, city } = state.profile;
    return {
      id: organisationId,
      revision,
      name,
      type,
      country,
      city: city ?? null,
      formerNames: state.formerNames,
      conventions: [...state.conventions.values()].map(({ conventionId, withOrganisationId, purpose, since, until, endedAt }) => ({
        conventionId,
        withOrganisationId,
        purpose,
        since,
        until: until ?? null,
        endedAt: endedAt ?? null,
      })),
    };
  }
}
