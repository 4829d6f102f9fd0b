import { isDeepStrictEqual } from 'node:util';
import { decide, evolve, type IdentifiedPersonEvent, type PersonCommand, type PersonState } from '@parcours/domain';
import { EventIdConflictError, type RecordedEvent } from '@parcours/event-store';
import { parseAll } from '../../../api/src/persons/commands/record-person-events.command.js';
import type { LoadedPerson } from '../../../api/src/persons/person-stream.repository.js';
import type { ImportLine } from './import-line.js';
import { heldBack, type LineFailure, lineFailure } from './line-failure.js';

/** Largest RecordPersonEventsCommand the importer sends: the API's batch limit. */
export const BATCH_SIZE = 500;

/** One command to send, in file order. `duplicate` steps are already stored: the handler replays them. */
export type WriteStep =
  | { readonly kind: 'register'; readonly lines: readonly [ImportLine]; readonly duplicate: boolean }
  | { readonly kind: 'record'; readonly lines: readonly ImportLine[]; readonly duplicate: boolean };

export interface RunPlan {
  readonly steps: readonly WriteStep[];
  /** By line number: the lines the domain refuses, or that depend on a refused registration. */
  readonly failures: ReadonlyMap<number, LineFailure>;
}

/**
 * Checks a person's lines against their stored history with the same pure functions the command
 * handlers use (parseAll, decide, evolve), line by line, skipping refused lines as best-effort will;
 * once a registration is refused, the person's other new lines are held back (the person is rejected).
 * This finds *which* line breaks a rule (a refused batch only says that one does) before anything
 * is written, so all-or-nothing also covers the registration, which is a command of its own.
 * The handlers check everything again when the steps are sent: this plan never replaces them.
 */
export function planRun(lines: readonly ImportLine[], loaded: LoadedPerson): RunPlan {
  const stored = new Map(loaded.recorded.map((e) => [e.eventId, e]));
  const failures = new Map<number, LineFailure>();
  const steps: WriteStep[] = [];
  let state: PersonState = loaded.state;
  let refusedRegistration: ImportLine | undefined;
  for (const line of lines) {
    const registration = line.input.type === 'PersonRegistered';
    try {
      const event = parseAll([line.input], '')[0]!;
      const existing = stored.get(event.eventId);
      if (existing) {
        checkSameAsStored(existing, event);
        addStep(steps, line, registration, true);
        continue;
      }
      if (!registration && refusedRegistration) {
        failures.set(line.lineNo, heldBack(`the registration of this person (line ${refusedRegistration.lineNo}) was rejected`));
        continue;
      }
      const command: PersonCommand = registration
        ? { type: 'RegisterPerson', event: event as Extract<PersonCommand, { type: 'RegisterPerson' }>['event'] }
        : { type: 'RecordPersonEvents', events: [event] };
      for (const decided of decide(command, state)) state = evolve(state, decided);
      addStep(steps, line, registration, false);
    } catch (error) {
      const failure = lineFailure(error);
      if (!failure) throw error;
      failures.set(line.lineNo, failure);
      if (registration) refusedRegistration = line;
    }
  }
  return { steps, failures };
}

/** The handler's replay rule: the same id must carry the same event, or it is a conflict. */
function checkSameAsStored(stored: RecordedEvent, event: IdentifiedPersonEvent): void {
  if (stored.type === event.type && isDeepStrictEqual(stored.data, event.data)) return;
  throw new EventIdConflictError(event.eventId, 'a different event was stored with this id; use a new eventId');
}

/** Registrations go alone; other lines join the previous step when it is of the same kind and not full. */
function addStep(steps: WriteStep[], line: ImportLine, registration: boolean, duplicate: boolean): void {
  if (registration) {
    steps.push({ kind: 'register', lines: [line], duplicate });
    return;
  }
  const last = steps[steps.length - 1];
  if (last?.kind === 'record' && last.duplicate === duplicate && last.lines.length < BATCH_SIZE) {
    (last.lines as ImportLine[]).push(line);
    return;
  }
  steps.push({ kind: 'record', lines: [line], duplicate });
}
