import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { COHORT_EVENT_CATALOGUE, cohortDecider, DomainError, organisationDecider, parseReferenceEvent, programmeDecider, type CohortCommand } from '@parcours/domain';
import type { JsonObject } from '@parcours/event-store';
import { appendReferenceEvent, type ReferenceAppendOutcome } from '../reference/append-reference-event.js';
import { ReferenceStreamRepository } from '../reference/reference-stream.repository.js';

export class ChangeCohortCommand extends Command<ReferenceAppendOutcome> {
  constructor(
    readonly cohortId: string,
    readonly action: CohortCommand['type'],
    readonly eventId: string,
    readonly data: Record<string, unknown>,
    readonly metadata: JsonObject,
  ) {
    super();
  }
}

@CommandHandler(ChangeCohortCommand)
export class ChangeCohortHandler implements ICommandHandler<ChangeCohortCommand> {
  constructor(private readonly streams: ReferenceStreamRepository) {}

  async execute(change: ChangeCohortCommand): Promise<ReferenceAppendOutcome> {
    if (change.action === 'RetireCohort') {
      const event = parseReferenceEvent(COHORT_EVENT_CATALOGUE, 'CohortRetired', change.data);
      return appendReferenceEvent(this.streams, cohortDecider, change.cohortId, { type: 'RetireCohort', event }, change.eventId, undefined, change.metadata);
    }
    const event = parseReferenceEvent(COHORT_EVENT_CATALOGUE, 'CohortDefined', change.data);
    // A cohort names reference data that must exist: a typo would silently give an empty cohort.
    if (event.data.programmeId && !(await this.streams.exists(programmeDecider, event.data.programmeId))) {
      throw new DomainError('COHORT_PROGRAMME_NOT_FOUND', `No programme ${event.data.programmeId} is defined`);
    }
    if (event.data.organisationId && !(await this.streams.exists(organisationDecider, event.data.organisationId))) {
      throw new DomainError('COHORT_ORGANISATION_NOT_FOUND', `No organisation ${event.data.organisationId} is registered`);
    }
    return appendReferenceEvent(this.streams, cohortDecider, change.cohortId, { type: 'DefineCohort', event }, change.eventId, undefined, change.metadata);
  }
}
