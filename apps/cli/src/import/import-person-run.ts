import { ENVELOPE_FIELDS } from '@parcours/domain';
import type { JsonObject } from '@parcours/event-store';
import type { AppendOutcome } from '../../../api/src/persons/commands/append-outcome.js';
import { RecordPersonEventsCommand } from '../../../api/src/persons/commands/record-person-events.command.js';
import { RegisterPersonCommand } from '../../../api/src/persons/commands/register-person.command.js';
import type { LoadedPerson } from '../../../api/src/persons/person-stream.repository.js';
import type { ImportLine } from './import-line.js';
import { heldBack, type LineFailure, lineFailure } from './line-failure.js';
import { planRun, type WriteStep } from './run-plan.js';

/** What the importer needs of the application: its command bus, and a read of a person's stream. */
export interface ImportPorts {
  execute(command: RegisterPersonCommand | RecordPersonEventsCommand): Promise<AppendOutcome>;
  load(personId: string): Promise<LoadedPerson>;
}

export type ImportMode = 'all-or-nothing' | 'best-effort';

export interface RunOutcome {
  readonly imported: number;
  readonly duplicates: number;
  readonly failures: ReadonlyMap<number, LineFailure>;
}

/**
 * Imports one person's run of lines. All-or-nothing: if the plan refuses any line, nothing is sent.
 * Best-effort: the refused lines are left out; if a write is still refused (something the plan
 * cannot see, such as an event id used by another person), the line it names is left out too and
 * the rest is planned again on the newly stored history. Each pass removes a line, so it ends.
 */
export async function importPersonRun(
  personId: string,
  lines: readonly ImportLine[],
  ports: ImportPorts,
  mode: ImportMode,
  metadata: JsonObject,
  /** Another line of the run could not even be read: in all-or-nothing, plan only to report. */
  hasUnreadable = false,
): Promise<RunOutcome> {
  const failures = new Map<number, LineFailure>();
  let imported = 0;
  let duplicates = 0;
  let pending = lines;
  while (pending.length) {
    const plan = planRun(pending, await ports.load(personId));
    for (const [lineNo, failure] of plan.failures) failures.set(lineNo, failure);
    if ((plan.failures.size || hasUnreadable) && mode === 'all-or-nothing') {
      for (const step of plan.steps) {
        if (step.duplicate) duplicates += step.lines.length;
        else for (const line of step.lines) failures.set(line.lineNo, heldBack('another line of this person was rejected'));
      }
      break;
    }
    const done = new Set<ImportLine>();
    const refused = await writeSteps(personId, plan.steps, ports, metadata, (step, outcome) => {
      if (outcome.replayed) duplicates += step.lines.length;
      else imported += step.lines.length;
      for (const line of step.lines) done.add(line);
    });
    if (!refused) break;
    const named = refused.step.lines.filter((l) => l.input.eventId.toLowerCase() === refused.eventId);
    for (const line of named.length ? named : refused.step.lines) failures.set(line.lineNo, refused.failure);
    if (mode === 'all-or-nothing') {
      // Only a refusal the plan could not foresee gets here: the steps before it are written.
      for (const step of plan.steps.slice(plan.steps.indexOf(refused.step))) {
        if (step.duplicate && step !== refused.step) duplicates += step.lines.length;
        else for (const line of step.lines) if (!failures.has(line.lineNo)) failures.set(line.lineNo, heldBack('a write for this person was refused'));
      }
      break;
    }
    pending = pending.filter((l) => !done.has(l) && !failures.has(l.lineNo));
  }
  return { imported, duplicates, failures };
}

interface Refusal {
  readonly step: WriteStep;
  readonly failure: LineFailure;
  readonly eventId: string | undefined;
}

/** Sends the steps in order; stops at the first refused one. Errors not about lines propagate. */
async function writeSteps(
  personId: string,
  steps: readonly WriteStep[],
  ports: ImportPorts,
  metadata: JsonObject,
  written: (step: WriteStep, outcome: AppendOutcome) => void,
): Promise<Refusal | undefined> {
  for (const step of steps) {
    try {
      written(step, await ports.execute(commandFor(personId, step, metadata)));
    } catch (error) {
      const failure = lineFailure(error);
      if (!failure) throw error;
      const eventId = (error as { eventId?: unknown }).eventId;
      return { step, failure, eventId: typeof eventId === 'string' ? eventId.toLowerCase() : undefined };
    }
  }
  return undefined;
}

function commandFor(personId: string, step: WriteStep, metadata: JsonObject): RegisterPersonCommand | RecordPersonEventsCommand {
  if (step.kind === 'record') return new RecordPersonEventsCommand(personId, step.lines.map((l) => l.input), undefined, metadata, 'events');
  const { input } = step.lines[0];
  // The handler takes PersonRegistered as one object, envelope fields included, as the API's body has them.
  const envelope = Object.fromEntries(ENVELOPE_FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, input[f]]));
  return new RegisterPersonCommand(personId, input.eventId, { ...input.data, ...envelope }, metadata);
}
