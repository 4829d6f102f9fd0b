import type { PersonLines } from '../../bench/support/api-workload.js';

/** One request of the load: a person's next line(s), one event or a batch of several. */
export interface SentRequest {
  readonly personId: string;
  readonly path: string;
  readonly body: string;
  readonly eventIds: readonly string[];
}

export interface Acknowledged {
  readonly personId: string;
  /** The stream revision the answer gave for the request's last event. */
  readonly revision: number;
  readonly eventIds: readonly string[];
}

/**
 * The client side of the crash test: appends each person's lines in order (one request in flight
 * per person), every third request a batch of up to four events (all or nothing), and remembers
 * what the server acknowledged (201) and what was in flight when it died (outcome unknown).
 */
export class CrashLoad {
  readonly acknowledged: Acknowledged[] = [];
  /** Requests with no answer: the server was killed while they were in flight. */
  unknown: SentRequest[] = [];
  readonly unexpected: string[] = [];
  private readonly cursor: number[];
  private readonly busy = new Set<number>();
  private turn = 0;
  private sent = 0;

  constructor(private readonly persons: readonly PersonLines[]) {
    this.cursor = persons.map(() => 0);
  }

  /** Sends until the server stops answering (killed); resolves once every client has stopped. */
  async run(base: string, authorization: string, clients: number): Promise<void> {
    await Promise.all(Array.from({ length: clients }, () => this.client(base, authorization)));
  }

  /** Sends the requests left without an answer again, as a client retries (same event ids). */
  async resend(base: string, authorization: string): Promise<void> {
    const pending = this.unknown;
    this.unknown = [];
    for (const request of pending) {
      const status = await this.send(base, authorization, request);
      if (status === 'down') throw new Error('the server went down during the resend');
    }
  }

  private async client(base: string, authorization: string): Promise<void> {
    for (;;) {
      const request = this.next();
      if (!request) return;
      const status = await this.send(base, authorization, request.request);
      this.busy.delete(request.person);
      if (status === 'down') return;
    }
  }

  private async send(base: string, authorization: string, request: SentRequest): Promise<'ok' | 'down'> {
    let response: Response;
    try {
      response = await fetch(`${base}${request.path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: request.body });
    } catch {
      this.unknown.push(request);
      return 'down';
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      this.unknown.push(request); // killed while the answer was being read: not an acknowledgement
      return 'down';
    }
    if (response.status !== 201) {
      this.unexpected.push(`${response.status} ${request.path}: ${text.slice(0, 300)}`);
      return 'ok';
    }
    const answer = JSON.parse(text) as { revision: number };
    this.acknowledged.push({ personId: request.personId, revision: answer.revision, eventIds: request.eventIds });
    return 'ok';
  }

  /** The next line(s) of an idle person who has some left, round robin. */
  private next(): { person: number; request: SentRequest } | undefined {
    for (let tried = 0; tried < this.persons.length; tried++) {
      const person = this.turn++ % this.persons.length;
      const lines = this.persons[person]!;
      if (this.busy.has(person) || this.cursor[person]! >= lines.bodies.length) continue;
      this.busy.add(person);
      const batch = ++this.sent % 3 === 0;
      const bodies = lines.bodies.slice(this.cursor[person], this.cursor[person]! + (batch ? 4 : 1));
      this.cursor[person]! += bodies.length;
      const parsed = bodies.map((b) => JSON.parse(b) as { eventId: string });
      const request: SentRequest = batch
        ? { personId: lines.personId, path: `/persons/${lines.personId}/events/batch`, body: `{"events":[${bodies.join(',')}]}`, eventIds: parsed.map((p) => p.eventId) }
        : { personId: lines.personId, path: `/persons/${lines.personId}/events`, body: bodies[0]!, eventIds: [parsed[0]!.eventId] };
      return { person, request };
    }
    return undefined;
  }

  get linesLeft(): number {
    return this.persons.reduce((n, p, i) => n + p.bodies.length - this.cursor[i]!, 0);
  }
}
