import { joinProtected, PERSON_CATEGORY, PROTECTED_FIELDS, splitProtected, withoutProtected } from '@parcours/domain';
import {
  categoryOf,
  idOf,
  InvalidAppendError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type JsonObject,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  plainRecordedEvent,
  storedText,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
} from '@parcours/event-store';
import { envelopeKeyId, openEnvelope, sealEnvelope } from './data-cipher.js';
import type { KeyStore } from './key-store.js';
import { DataKeyMissingError, ErasureRouteError, PersonErasedError, SealedDataError } from './privacy-errors.js';

/** Where a person event's protected fields go once sealed: one envelope per event. */
export const SEALED_FIELD = '$sealed';

/**
 * Stored JSON that may have the sealed field or a protected field as a key, at any depth: the
 * key written out in quotes, or any `\u` escape (a key can be spelled with escapes; JSON.stringify
 * writes none for these names). JSON without a match has neither: opening it changes nothing,
 * whatever the person's key.
 */
const MAY_HOLD_PROTECTED = new RegExp(`\\\\u|"(?:${[SEALED_FIELD, ...PROTECTED_FIELDS].map((f) => f.replace(/[$]/g, '\\$&')).join('|')})"`);

/**
 * Crypto-shredding as an event store decorator, around whichever adapter is configured. Appends
 * to `person-*` streams have their protected fields (identity, notes, narrative text: see
 * PROTECTED_FIELDS) sealed with the person's data key; every read path (readStream, readAll,
 * subscriptions) opens them again, or — once the key is destroyed — leaves them out. So the
 * decider, projections, exports, replays and rebuilds all see an erased person the same way,
 * without knowing about keys. Event ids, revisions, positions and idempotency are the inner
 * store's, untouched. Migration between stores uses the raw adapters: ciphertext is copied as is.
 */
export class EncryptingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly keys: KeyStore,
    /** Close the key store with this store (when it was opened for it alone). */
    private readonly ownsKeys = false,
  ) {}

  /** Async so that every refusal (erasure order, reserved field, key store) is a rejection, as callers expect of the port. */
  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (categoryOf(streamId) !== PERSON_CATEGORY) return this.inner.append(streamId, events, expected);
    const personId = idOf(streamId);
    this.keys.refresh();
    this.checkErasureOrder(personId, events);
    return this.inner.append(streamId, events.map((event) => this.seal(streamId, personId, event)), expected);
  }

  async *readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    this.keys.refresh();
    for await (const event of this.inner.readStream(streamId, options)) yield this.open(event);
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    this.keys.refresh();
    for await (const event of this.inner.readAll(options)) yield this.open(event);
  }

  subscribeToAll(fromPosition: Position, handler: SubscriptionHandler, options?: SubscribeOptions): Subscription {
    // A key that cannot be found makes `open` throw: the subscription ends with that error, no event skipped.
    return this.inner.subscribeToAll(
      fromPosition,
      {
        onEvent: (event) => handler.onEvent(this.open(event)),
        ...(handler.onCaughtUp ? { onCaughtUp: () => handler.onCaughtUp!() } : {}),
      },
      options,
    );
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  headPosition(): Promise<Position> {
    return this.inner.headPosition();
  }

  async close(): Promise<void> {
    await this.inner.close();
    if (this.ownsKeys) this.keys.close();
  }

  /**
   * Once the key is destroyed, only PersonErased (with nothing to seal) may follow: an append
   * decided before the erasure cannot slip in after it. And PersonErased only comes after the
   * key is destroyed: recorded any other way, it would claim an erasure that did not happen.
   */
  private checkErasureOrder(personId: string, events: readonly NewEvent[]): void {
    const destroyed = this.keys.status(personId).state === 'destroyed';
    for (const event of events) {
      if (event.type !== 'PersonErased') {
        if (destroyed) throw new PersonErasedError(personId);
      } else if (!destroyed) {
        throw new ErasureRouteError(personId);
      } else if (splitProtected(event.data).sealed) {
        throw new PersonErasedError(personId);
      }
    }
  }

  private seal(streamId: string, personId: string, event: NewEvent): NewEvent {
    if (Object.hasOwn(event.data, SEALED_FIELD)) throw new InvalidAppendError(`Event data may not carry the reserved field ${SEALED_FIELD}`);
    const { open, sealed } = splitProtected(event.data);
    if (!sealed) return event;
    const key = this.keys.keyFor(personId);
    const envelope = sealEnvelope(key, personId, Buffer.from(JSON.stringify(sealed), 'utf8'), associatedData(streamId, event.eventId));
    return { ...event, data: { ...(open as JsonObject), [SEALED_FIELD]: envelope } };
  }

  private open(event: RecordedEvent): RecordedEvent {
    if (categoryOf(event.streamId) !== PERSON_CATEGORY) return event;
    // Read as stored text (a lazy subscription): most events name no protected field, so their
    // data is neither parsed nor looked up against the person's key.
    const stored = storedText(event);
    if (stored && !MAY_HOLD_PROTECTED.test(stored.data)) return event;
    const personId = idOf(event.streamId);
    const envelope = event.data[SEALED_FIELD];
    const status = this.keys.status(personId);
    if (envelope === undefined && status.state !== 'destroyed') return event; // most events: nothing sealed, nothing to copy
    const { [SEALED_FIELD]: _, ...data } = event.data;
    // Erased: protected fields are gone, sealed or not (events stored before sealing existed too).
    if (status.state === 'destroyed') return withData(event, withoutProtected(data) as JsonObject);
    if (typeof envelope !== 'string' || envelopeKeyId(envelope) !== personId) {
      throw new SealedDataError(`Event ${event.eventId}: the sealed field is not sealed for person ${personId}`);
    }
    if (status.state === 'none') throw new DataKeyMissingError(personId);
    const sealed = JSON.parse(openEnvelope(status.key, envelope, associatedData(event.streamId, event.eventId)).toString('utf8')) as JsonObject;
    return withData(event, joinProtected(data, sealed) as JsonObject);
  }
}

/** The event with other data (a lazily decoded event has no own fields to spread). */
function withData(event: RecordedEvent, data: JsonObject): RecordedEvent {
  return { ...plainRecordedEvent(event), data };
}

/** Binds a ciphertext to its stream and event: copied into another event, it no longer opens. */
function associatedData(streamId: string, eventId: string): string {
  return `${streamId}|${eventId.toLowerCase()}`;
}
