import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  organisationDecider,
  parseReferenceEvent,
  PROGRAMME_EVENT_CATALOGUE,
  programmeDecider,
  type ProgrammeCommand,
  type ProgrammeEvent,
  type ProgrammeEventType,
} from '@parcours/domain';
import type { JsonObject } from '@parcours/event-store';
import { appendReferenceEvent, type ReferenceAppendOutcome } from '../append-reference-event.js';
import { ReferenceStreamRepository } from '../reference-stream.repository.js';

/** One change to a programme: which (the domain command's type) and its raw data. */
export class ChangeProgrammeCommand extends Command<ReferenceAppendOutcome> {
  constructor(
    readonly programmeId: string,
    readonly action: ProgrammeCommand['type'],
    readonly eventId: string,
    /** The event's data, not yet checked against the domain schema. */
    readonly data: Record<string, unknown>,
    readonly ifMatch: number | undefined,
    readonly metadata: JsonObject,
  ) {
    super();
  }
}

const EVENT_OF: Record<ProgrammeCommand['type'], ProgrammeEventType> = {
  DefineProgramme: 'ProgrammeDefined',
  DefineCanvasPeriod: 'CanvasPeriodDefined',
  RemoveCanvasPeriod: 'CanvasPeriodRemoved',
};

@CommandHandler(ChangeProgrammeCommand)
export class ChangeProgrammeHandler implements ICommandHandler<ChangeProgrammeCommand> {
  constructor(private readonly streams: ReferenceStreamRepository) {}

  async execute(change: ChangeProgrammeCommand): Promise<ReferenceAppendOutcome> {
    const event = parseReferenceEvent(PROGRAMME_EVENT_CATALOGUE, EVENT_OF[change.action], change.data);
    const command = await this.commandFor(event);
    return appendReferenceEvent(this.streams, programmeDecider, change.programmeId, command, change.eventId, change.ifMatch, change.metadata);
  }

  /** The domain command, with the facts from other streams its rules need. */
  private async commandFor(event: ProgrammeEvent): Promise<ProgrammeCommand> {
    switch (event.type) {
      case 'ProgrammeDefined': {
        const { organisationId } = event.data;
        const organisationRegistered = organisationId !== undefined && (await this.streams.exists(organisationDecider, organisationId));
        return { type: 'DefineProgramme', event, organisationRegistered };
      }
      case 'CanvasPeriodDefined':
        return { type: 'DefineCanvasPeriod', event };
      case 'CanvasPeriodRemoved':
        return { type: 'RemoveCanvasPeriod', event };
    }
  }
}
