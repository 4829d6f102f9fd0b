import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { parsePersonEvent, type PersonEventOf } from '@parcours/domain';
import type { JsonObject } from '@parcours/event-store';
import { PersonStreamRepository } from '../person-stream.repository.js';
import type { AppendOutcome } from './append-outcome.js';
import { appendWithRetry } from './append-with-retry.js';

export class RegisterPersonCommand extends Command<AppendOutcome> {
  constructor(
    readonly personId: string,
    readonly eventId: string,
    /** PersonRegistered data, not yet checked against the domain schema. */
    readonly data: Record<string, unknown>,
    readonly metadata: JsonObject,
  ) {
    super();
  }
}

@CommandHandler(RegisterPersonCommand)
export class RegisterPersonHandler implements ICommandHandler<RegisterPersonCommand> {
  constructor(private readonly repository: PersonStreamRepository) {}

  execute(command: RegisterPersonCommand): Promise<AppendOutcome> {
    const parsed = parsePersonEvent('PersonRegistered', command.data, '') as PersonEventOf<'PersonRegistered'>;
    const event = { ...parsed, eventId: command.eventId.toLowerCase() };
    return appendWithRetry(this.repository, command.personId.toLowerCase(), { type: 'RegisterPerson', event }, undefined, command.metadata);
  }
}
