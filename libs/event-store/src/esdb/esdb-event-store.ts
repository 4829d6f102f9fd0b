import { BACKWARDS, END, EventStoreDBClient, excludeSystemEvents, type AppendExpectedRevision } from '@eventstore/db-client';
import { validateAppend } from '../append-validation.js';
import { StoreUnavailableError } from '../errors.js';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  Subscription,
  SubscriptionHandler,
} from '../event-store.port.js';
import { START, type Position } from '../position.js';
import { InvalidConnectionStringError, translateAppendError, translateError, withTimeout } from './esdb-errors.js';
import { fromEsdbPosition, toEsdbPosition, toEventData, toRecordedEvent } from './esdb-events.js';
import { readAllEvents, readPage, readStreamEvents, type PageSettings } from './esdb-reads.js';
import { reconnectingSubscription, type ReconnectPolicy } from './esdb-subscription.js';

export interface EsdbEventStoreOptions {
  /** E.g. `esdb://localhost:2113?tls=false`, or `esdb+discover://...` for a cluster. */
  readonly connectionString: string;
  /** How long `ping()` waits for the server (default 2 s). */
  readonly pingTimeoutMs?: number;
  /** How long an append or one page of a read may take (default 10 s). */
  readonly operationTimeoutMs?: number;
  /** Events per read call (default 500). */
  readonly pageSize?: number;
  /** How subscriptions resubscribe after a dropped connection (default 100 ms doubling to 5 s, forever; `onRetry` to log). */
  readonly reconnect?: Partial<ReconnectPolicy>;
  /** The recording time written when the caller passes none; tests pass a fixed clock. */
  readonly clock?: () => Date;
}

const DEFAULT_RECONNECT: ReconnectPolicy = { initialDelayMs: 100, maxDelayMs: 5000, maxAttempts: Number.POSITIVE_INFINITY };

/**
 * The event store on EventStoreDB (20.10+), through `@eventstore/db-client` over gRPC.
 * Revisions, positions and idempotency are the server's own; this class maps them onto the port
 * (see esdb-events.ts for the recording time, esdb-reads.ts for reads of `$all`,
 * esdb-subscription.ts for subscriptions that survive dropped connections).
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly pingTimeoutMs: number;
  private readonly operationTimeoutMs: number;
  private readonly pages: PageSettings;
  private readonly reconnect: ReconnectPolicy;
  private readonly clock: () => Date;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  /** @throws InvalidConnectionStringError when the connection string cannot be parsed. */
  constructor(options: EsdbEventStoreOptions | string) {
    const settings = typeof options === 'string' ? { connectionString: options } : options;
    try {
      this.client = EventStoreDBClient.connectionString(settings.connectionString);
    } catch (error) {
      throw new InvalidConnectionStringError(settings.connectionString, error);
    }
    this.pingTimeoutMs = settings.pingTimeoutMs ?? 2000;
    this.operationTimeoutMs = settings.operationTimeoutMs ?? 10_000;
    this.pages = { pageSize: Math.max(2, settings.pageSize ?? 500), timeoutMs: this.operationTimeoutMs };
    this.reconnect = { ...DEFAULT_RECONNECT, ...settings.reconnect };
    this.clock = settings.clock ?? (() => new Date());
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    validateAppend(streamId, events, expected);
    const now = this.clock();
    const data = events.map((event) => toEventData(event, now));
    const options = { expectedRevision: toExpectedRevision(expected), deadline: this.operationTimeoutMs };
    let result;
    try {
      result = await withTimeout(this.client.appendToStream(streamId, data, options), this.operationTimeoutMs, `an append to ${streamId}`);
    } catch (error) {
      throw translateAppendError(error, streamId, expected);
    }
    const nextRevision = Number(result.nextExpectedRevision);
    // Servers answer without a position in a few cases (e.g. some idempotent retries): read it.
    const position = result.position ? fromEsdbPosition(result.position) : await this.positionOf(streamId, nextRevision);
    return { nextRevision, position };
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    for await (const event of readStreamEvents(this.client, streamId, options, this.pages)) yield toRecordedEvent(event);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    if (options.fromPosition !== undefined) toEsdbPosition(options.fromPosition); // InvalidPositionError, before any call
    for await (const event of readAllEvents(this.client, options, this.pages)) yield toRecordedEvent(event);
  }

  subscribeToAll(fromPosition: Position, handler: SubscriptionHandler): Subscription {
    this.assertOpen();
    toEsdbPosition(fromPosition); // InvalidPositionError now rather than in `done`
    const subscription = reconnectingSubscription(
      {
        open: (from) => this.client.subscribeToAll({ fromPosition: toEsdbPosition(from), filter: excludeSystemEvents() }),
        head: () => this.headPosition(),
      },
      fromPosition,
      handler,
      this.reconnect,
    );
    this.subscriptions.add(subscription);
    void subscription.done.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  /** One tiny read (the last event of `$all`, whatever it is) under a short timeout. */
  async ping(): Promise<void> {
    this.assertOpen();
    try {
      await readPage(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }), this.pingTimeoutMs, 'a ping');
    } catch (error) {
      throw translateError(error, 'ping');
    }
  }

  async headPosition(): Promise<Position> {
    this.assertOpen();
    for await (const event of readAllEvents(this.client, { direction: 'backwards', maxCount: 1 }, this.pages)) {
      return fromEsdbPosition(event.position!);
    }
    return START;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
    await closeChannel(this.client);
  }

  private async positionOf(streamId: string, revision: number): Promise<Position> {
    for await (const event of readStreamEvents(this.client, streamId, { fromRevision: revision, maxCount: 1 }, this.pages)) {
      if (event.position) return fromEsdbPosition(event.position);
    }
    throw new StoreUnavailableError(`EventStoreDB reported revision ${revision} of ${streamId} but it cannot be read`);
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('The EventStoreDB event store is closed');
  }
}

function toExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  return typeof expected === 'number' ? BigInt(expected) : expected;
}

/**
 * `dispose()` cancels the client's calls but leaves its gRPC channel (and socket) open; the
 * client has no public way to close it, so reach the channel it creates lazily.
 */
async function closeChannel(client: EventStoreDBClient): Promise<void> {
  const internals = client as unknown as { getChannel?: () => Promise<{ close(): void }> };
  try {
    (await internals.getChannel?.())?.close();
  } catch {
    // no channel could be made (e.g. discovery failed): nothing to close
  }
}
