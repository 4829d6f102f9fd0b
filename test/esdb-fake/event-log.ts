/**
 * The fake's storage: one in-memory transaction log with EventStoreDB's numbering.
 * - a stream revision counts from 0; an absent stream has no revision (`no_stream`, -1 here);
 * - `$all` positions are `{ commit, prepare }` pairs that grow like byte offsets in the log: the
 *   events of one append share the commit position of the write and get increasing prepare
 *   positions (an implicit transaction); order is (commit, prepare);
 * - idempotency follows EventStoreDB's commit check (see `checkIdempotency`).
 * Pure TypeScript: the gRPC services (append-service.ts, read-service.ts) translate messages.
 */

export interface LogEvent {
  readonly id: string; // lower-case UUID
  readonly streamId: string;
  readonly revision: bigint;
  readonly commit: bigint;
  readonly prepare: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch, as EventStoreDB sends `created`. */
  readonly created: bigint;
}

export type ProposedEvent = Pick<LogEvent, 'id' | 'type' | 'contentType' | 'data' | 'customMetadata'>;

export type Expected = { readonly kind: 'any' | 'no_stream' | 'stream_exists' } | { readonly kind: 'revision'; readonly revision: bigint };

export type AppendOutcome =
  | { readonly kind: 'success'; readonly currentRevision: bigint; readonly position?: { commit: bigint; prepare: bigint }; readonly written: boolean }
  | { readonly kind: 'wrong_expected_version'; readonly current: bigint; readonly expected: Expected };

/** The first position handed out: EventStoreDB's log never starts at 0 (its chunk header). */
const FIRST_POSITION = 128n;
const RECORD_OVERHEAD = 96n;

export class EventLog {
  private readonly all: LogEvent[] = [];
  private readonly streams = new Map<string, LogEvent[]>();
  /** Where an event id was written (EventStoreDB keeps a cache of these for `any` appends). */
  private readonly byId = new Map<string, LogEvent>();
  private readonly listeners = new Set<(events: readonly LogEvent[]) => void>();
  private next = FIRST_POSITION;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  get events(): readonly LogEvent[] {
    return this.all;
  }

  stream(streamId: string): readonly LogEvent[] {
    return this.streams.get(streamId) ?? [];
  }

  /** The revision of the stream's last event, -1 when it does not exist. */
  currentRevision(streamId: string): bigint {
    return BigInt(this.stream(streamId).length - 1);
  }

  append(streamId: string, expected: Expected, proposed: readonly ProposedEvent[]): AppendOutcome {
    const current = this.currentRevision(streamId);
    const check = this.checkIdempotency(streamId, expected, proposed, current);
    if (check === 'wrong') return { kind: 'wrong_expected_version', current, expected };
    if (check !== 'write') {
      return { kind: 'success', currentRevision: check.revision, position: { commit: check.commit, prepare: check.prepare }, written: false };
    }
    if (proposed.length === 0) return { kind: 'success', currentRevision: current, written: false };
    const commit = this.next;
    const created = BigInt(this.clock().getTime()) * 10_000n;
    const stream = this.streams.get(streamId) ?? [];
    this.streams.set(streamId, stream);
    const written: LogEvent[] = [];
    for (const event of proposed) {
      const record: LogEvent = { ...event, streamId, revision: BigInt(stream.length), commit, prepare: this.next, created };
      this.next += RECORD_OVERHEAD + BigInt(event.data.length + event.customMetadata.length + event.type.length + streamId.length);
      stream.push(record);
      this.all.push(record);
      this.byId.set(record.id, record);
      written.push(record);
    }
    const last = written[written.length - 1]!;
    for (const listener of this.listeners) listener(written);
    return { kind: 'success', currentRevision: last.revision, position: { commit: last.commit, prepare: last.prepare }, written: true };
  }

  /** Called synchronously after every write with the events written. Returns an unsubscriber. */
  onAppend(listener: (events: readonly LogEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * EventStoreDB's commit check: 'write' when the append may go ahead, 'wrong' for a wrong
   * expected version (including a "corrupted idempotency": some ids match, not all), or the
   * last event of the earlier identical append (nothing is written again).
   * - expected revision E (no_stream: -1): E = current writes; E < current is a retry when the
   *   events at E+1.. carry the same ids; anything else is wrong;
   * - any / stream_exists: a retry when the first id was written to this stream and the ids that
   *   follow it match; otherwise the events are written (stream_exists needs the stream).
   */
  private checkIdempotency(streamId: string, expected: Expected, proposed: readonly ProposedEvent[], current: bigint): 'write' | 'wrong' | LogEvent {
    const stream = this.stream(streamId);
    const matchFrom = (start: number): 'wrong' | LogEvent => {
      for (let i = 0; i < proposed.length; i++) {
        if (stream[start + i]?.id !== proposed[i]!.id) return 'wrong';
      }
      return stream[start + proposed.length - 1]!;
    };
    if (expected.kind === 'no_stream' || 'revision' in expected) {
      const want = 'revision' in expected ? expected.revision : -1n;
      if (want === current) return 'write';
      if (want > current || proposed.length === 0) return 'wrong';
      return matchFrom(Number(want) + 1);
    }
    if (expected.kind === 'stream_exists' && current < 0n) return 'wrong';
    const first = proposed[0] && this.byId.get(proposed[0].id);
    if (!first || first.streamId !== streamId) return 'write';
    return matchFrom(Number(first.revision));
  }
}
