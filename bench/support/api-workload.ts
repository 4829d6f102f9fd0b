import { generateCohort, type CohortLine } from '../../apps/cli/src/synthetic/generate-cohort.js';

/**
 * The HTTP append workload of bench:api and test:crash: the seeded synthetic cohort
 * (apps/cli/src/synthetic, the generator behind `cli demo`), so the bodies are real catalogue
 * events in an order the domain accepts (episodes start before they end, corrections name earlier
 * events). Each person's first line becomes the POST /persons of the set-up; the rest are POST
 * /persons/:id/events bodies, sent in order, one request in flight per person at a time.
 */
export interface ApiWorkload {
  readonly registrations: readonly RegistrationBody[];
  /** Per person, in the generator's order: the bodies of POST /persons/:id/events. */
  readonly persons: readonly PersonLines[];
  readonly events: number;
  readonly meanBodyBytes: number;
}

export interface PersonLines {
  readonly personId: string;
  readonly bodies: readonly string[];
}

export type RegistrationBody = Record<string, unknown> & { readonly id: string };

export function apiWorkload(seed: string, persons: number, eventsPerPerson: number): ApiWorkload {
  const registrations: RegistrationBody[] = [];
  const out: PersonLines[] = [];
  let events = 0;
  let bytes = 0;
  for (const lines of generateCohort({ seed, persons, eventsPerPerson })) {
    const [first, ...rest] = lines;
    if (first?.type !== 'PersonRegistered') throw new Error('the generator starts every person with PersonRegistered');
    registrations.push(registrationBody(first));
    const bodies = rest.map((line) => JSON.stringify(eventBody(line)));
    for (const body of bodies) bytes += Buffer.byteLength(body);
    events += bodies.length;
    out.push({ personId: first.person, bodies });
  }
  return { registrations, persons: out, events, meanBodyBytes: bytes / Math.max(1, events) };
}

/** POST /persons takes PersonRegistered flat: the envelope and the type's fields side by side. */
function registrationBody(line: CohortLine): RegistrationBody {
  const { person, eventId, type: _type, data, ...envelope } = line;
  return { id: person, eventId, ...envelope, ...data };
}

/** POST /persons/:id/events: the line without its `person` (it is in the URL). */
function eventBody(line: CohortLine): Omit<CohortLine, 'person'> {
  const { person: _person, ...body } = line;
  return body;
}

/**
 * Hands out the next line of a person who has no request in flight, so each person's lines reach
 * the server in order whatever the number of connections. Persons whose lines run out leave.
 */
export class PersonQueue {
  private readonly idle: number[];
  private readonly next: number[];
  private head = 0;

  constructor(private readonly persons: readonly PersonLines[]) {
    this.idle = persons.map((_, i) => i).filter((i) => persons[i]!.bodies.length > 0);
    this.next = persons.map(() => 0);
  }

  /** A person index and the body to send, or undefined when every person is busy or done. */
  take(): { person: number; personId: string; body: string } | undefined {
    if (this.head >= this.idle.length) return undefined;
    const person = this.idle[this.head++]!;
    if (this.head > 4096 && this.head * 2 > this.idle.length) {
      this.idle.splice(0, this.head);
      this.head = 0;
    }
    const lines = this.persons[person]!;
    return { person, personId: lines.personId, body: lines.bodies[this.next[person]!++]! };
  }

  /** The person's request was answered: their next line may go. */
  release(person: number): void {
    if (this.next[person]! < this.persons[person]!.bodies.length) this.idle.push(person);
  }

  get remaining(): number {
    return this.persons.reduce((n, p, i) => n + p.bodies.length - this.next[i]!, 0);
  }
}
