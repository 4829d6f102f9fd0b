import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ENVELOPE_FIELDS, InvalidInputError, parsePersonEvent, type IdentifiedPersonEvent } from '@parcours/domain';
import type { JsonObject } from '@parcours/event-store';
import { PersonStreamRepository } from '../person-stream.repository.js';
import type { AppendOutcome } from './append-outcome.js';
import { appendWithRetry } from './append-with-retry.js';

/** One event as a client sends it: the envelope fields beside `data`, the type's own fields in it. */
export interface EventInput {
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly provenance: string;
  readonly organisation?: Record<string, unknown> | undefined;
  readonly after?: string | undefined;
  readonly note?: string | undefined;
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
    return appendWithRetry(this.repository, command.personId.toLowerCase(), { type: 'RecordPersonEvents', events }, command.ifMatch, command.metadata);
  }
}

/** Parses every event, collecting all issues with paths as the client wrote them. */
export function parseAll(inputs: readonly EventInput[], bodyPath: '' | 'events'): IdentifiedPersonEvent[] {
  const issues: InvalidInputError['issues'][number][] = [];
  const events: IdentifiedPersonEvent[] = [];
  inputs.forEach((input, index) => {
    const base = bodyPath ? `${bodyPath}.${index}.` : '';
    const misplaced = ENVELOPE_FIELDS.filter((f) => Object.hasOwn(input.data, f));
    for (const field of misplaced) {
      issues.push({ field: `${base}data.${field}`, rule: 'unknownField', message: `${field} belongs beside type, not inside data` });
    }
    if (misplaced.length) return;
    const envelope = Object.fromEntries(ENVELOPE_FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, input[f]]));
    try {
      const event = parsePersonEvent(input.type, { ...input.data, ...envelope }, `${base}data`);
      events.push({ ...event, eventId: input.eventId.toLowerCase() } as IdentifiedPersonEvent);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      for (const issue of error.issues) issues.push({ ...issue, field: clientPath(issue.field, base) });
    }
  });
  if (issues.length) throw new InvalidInputError(issues);
  return events;
}

/** `data.occurredAt` → `occurredAt`, `type` → `events.2.type`: the path in the request body. */
function clientPath(field: string, base: string): string {
  if (field === 'type') return `${base}type`;
  for (const envelope of ENVELOPE_FIELDS) {
    const inData = `${base}data.${envelope}`;
    if (field === inData || field.startsWith(`${inData}.`)) return `${base}${field.slice(`${base}data.`.length)}`;
  }
  return field;
}
