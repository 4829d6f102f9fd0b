import { decide, evolve, initialPersonState, type PersonCommand } from '@parcours/domain';
import { parseAll } from '../../../api/src/persons/commands/record-person-events.command.js';
import type { CohortLine, CohortPerson } from './cohort-line.js';

const asInput = ({ person: _, ...input }: CohortLine) => input;

/**
 * Runs a person's lines through the domain as the command handlers would (parse, then decide
 * the registration, then the rest as one batch); the reason of the first refusal, or undefined.
 * For tests and checks: loading goes through the application layer itself.
 */
export function deciderRefusal(person: CohortPerson): string | undefined {
  const [first, ...rest] = person;
  if (!first) return 'no lines';
  try {
    const [registration] = parseAll([asInput(first)], '');
    let state = initialPersonState;
    const register = { type: 'RegisterPerson', event: registration } as PersonCommand;
    for (const event of decide(register, state)) state = evolve(state, event);
    if (rest.length) decide({ type: 'RecordPersonEvents', events: parseAll(rest.map(asInput), 'events') }, state);
    return undefined;
  } catch (error) {
    const e = error as { code?: string; message?: string; issues?: unknown; details?: unknown };
    return `${first.person}: ${e.code ?? ''} ${e.message ?? String(error)} ${JSON.stringify(e.issues ?? e.details ?? '')}`;
  }
}
