import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  ORGANISATION_EVENT_CATALOGUE,
  organisationDecider,
  parseReferenceEvent,
  type OrganisationCommand,
  type OrganisationEvent,
  type OrganisationEventType,
} from '@parcours/domain';
import type { JsonObject } from '@parcours/event-store';
import { appendReferenceEvent, type ReferenceAppendOutcome } from '../append-reference-event.js';
import { ReferenceStreamRepository } from '../reference-stream.repository.js';

/** One change to an organisation: which (the domain command's type) and its raw data. */
export class ChangeOrganisationCommand extends Command<ReferenceAppendOutcome> {
  constructor(
    readonly organisationId: string,
    readonly action: OrganisationCommand['type'],
    readonly eventId: string,
    /** The event's data, not yet checked against the domain schema. */
    readonly data: Record<string, unknown>,
    /** The revision the client last saw (If-Match), when it sent one. */
    readonly ifMatch: number | undefined,
    readonly metadata: JsonObject,
  ) {
    super();
  }
}

const EVENT_OF: Record<OrganisationCommand['type'], OrganisationEventType> = {
  RegisterOrganisation: 'OrganisationRegistered',
  RenameOrganisation: 'OrganisationRenamed',
  SignConvention: 'ConventionSigned',
  EndConvention: 'ConventionEnded',
};

@CommandHandler(ChangeOrganisationCommand)
export class ChangeOrganisationHandler implements ICommandHandler<ChangeOrganisationCommand> {
  constructor(private readonly streams: ReferenceStreamRepository) {}

  async execute(change: ChangeOrganisationCommand): Promise<ReferenceAppendOutcome> {
    const event = parseReferenceEvent(ORGANISATION_EVENT_CATALOGUE, EVENT_OF[change.action], change.data);
    const command = await this.commandFor(event, change.organisationId);
    return appendReferenceEvent(this.streams, organisationDecider, change.organisationId, command, change.eventId, change.ifMatch, change.metadata);
  }

  /** The domain command, with the facts from other streams its rules need. */
  private async commandFor(event: OrganisationEvent, organisationId: string): Promise<OrganisationCommand> {
    switch (event.type) {
      case 'OrganisationRegistered':
        return { type: 'RegisterOrganisation', event };
      case 'OrganisationRenamed':
        return { type: 'RenameOrganisation', event };
      case 'ConventionSigned': {
        const partnerRegistered = await this.streams.exists(organisationDecider, event.data.withOrganisationId);
        return { type: 'SignConvention', event, organisationId, partnerRegistered };
      }
      case 'ConventionEnded':
        return { type: 'EndConvention', event };
    }
  }
}
