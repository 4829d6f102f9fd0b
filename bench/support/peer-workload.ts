import type { IdentifiedPersonEvent, PersonCommand } from '@parcours/domain';
import { parseAll, type EventInput } from '../../apps/api/src/persons/commands/record-person-events.command.js';
import { type CohortLine, generateCohort } from '../../apps/cli/src/synthetic/generate-cohort.js';

/**
 * bench:peers' workload: the seeded synthetic cohort as domain commands — one RegisterPerson,
 * then one RecordPersonEvents of one event per line — parsed once, before any timing, with the
 * API's own conversion (parseAll). Both sides decide them with the same domain decider.
 */
export interface PeerPerson {
  readonly personId: string;
  readonly commands: readonly PersonCommand[];
}

export function peerWorkload(seed: string, persons: number, eventsPerPerson: number): { persons: PeerPerson[]; commands: number } {
  const out: PeerPerson[] = [];
  let commands = 0;
  for (const lines of generateCohort({ seed, persons, eventsPerPerson })) {
    const events = parseAll(lines.map(toInput), '');
    const [registration, ...rest] = events as [IdentifiedPersonEvent, ...IdentifiedPersonEvent[]];
    const personCommands: PersonCommand[] = [
      { type: 'RegisterPerson', event: registration as Extract<PersonCommand, { type: 'RegisterPerson' }>['event'] },
      ...rest.map((event): PersonCommand => ({ type: 'RecordPersonEvents', events: [event] })),
    ];
    commands += personCommands.length;
    out.push({ personId: lines[0]!.person, commands: personCommands });
  }
  return { persons: out, commands };
}

function toInput(line: CohortLine): EventInput {
  const { person: _person, ...input } = line;
  return input as EventInput;
}

/** The commands in the order a live system would see them: one per person in turn, persons interleaved. */
export function* roundRobin(persons: readonly PeerPerson[]): Generator<{ personId: string; command: PersonCommand }> {
  const longest = Math.max(0, ...persons.map((p) => p.commands.length));
  for (let step = 0; step < longest; step++) {
    for (const person of persons) {
      const command = person.commands[step];
      if (command) yield { personId: person.personId, command };
    }
  }
}
