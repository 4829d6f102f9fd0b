import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { InvalidInputError, parsePersonEvent, type PersonEvent } from '@parcours/domain';
import type { JsonObject } from '@parcours/event-store';
import { PersonStreamRepository } from '../person-stream.repository.js';
import type { AppendOutcome } from './append-outcome.js';
import { appendWithRetry } from './append-with-retry.js';

export interface EventInput {
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly data: Record<string, unknown>;
}

/** Appends one or several events to a person's stream, atomically. */
export class RecordPersonEventsCommand extends Command<AppendOutcome> {
  constructor(
    readonly personId: string,
    readonly events: readonly EventInput[],
    /** The revision the client last saw (If-Match), when it sent one. */
    readonly ifMatch: number | undefined,
    readonly metadata: JsonObject,
    /** Where the events sit in the request body, for error paths: '' (one event) or 'events'. */
    readonly bodyPath: '' | 'events',
  ) {
    super();
  }
}

@CommandHandler(RecordPersonEventsCommand)
export class RecordPersonEventsHandler implements ICommandHandler<RecordPersonEventsCommand> {
  constructor(private readonly repository: PersonStreamRepository) {}

  execute(command: RecordPersonEventsCommand): Promise<AppendOutcome> {
    const events = parseAll(command.events, command.bodyPath);
    return appendWithRetry(
      this.repository,
      command.personId,
      { type: 'RecordPersonEvents', events },
      command.events.map((e) => e.eventId),
      command.ifMatch,
      command.metadata,
    );
  }
}

/** Parses every event, collecting all issues with paths as the client wrote them. */
function parseAll(inputs: readonly EventInput[], bodyPath: '' | 'events'): PersonEvent[] {
  const issues: InvalidInputError['issues'][number][] = [];
  const events: PersonEvent[] = [];
  inputs.forEach((input, index) => {
    const base = bodyPath ? `${bodyPath}.${index}.` : '';
    if (Object.hasOwn(input.data, 'occurredAt')) {
      issues.push({ field: `${base}data.occurredAt`, rule: 'unknownField', message: 'occurredAt belongs beside type, not inside data' });
      return;
    }
    try {
      events.push(parsePersonEvent(input.type, { ...input.data, occurredAt: input.occurredAt }, `${base}data`));
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      for (const issue of error.issues) {
        const field = issue.field === `${base}data.occurredAt` ? `${base}occurredAt` : issue.field === 'type' ? `${base}type` : issue.field;
        issues.push({ ...issue, field });
      }
    }
  });
  if (issues.length) throw new InvalidInputError(issues);
  return events;
}
