import type { JsonObject, RecordedEvent } from './event-store.port.js';
import { type Position, positionFromSequence } from './position.js';

/**
 * A recorded event read from stored text, decoded field by field when asked: a projection that
 * only looks at the stream and the type of most events (or embeds their data as stored, see
 * `storedText`) does not pay for `JSON.parse` of data and metadata, a `Date` and a position
 * string per event. Reading these is half of a rebuild's main thread otherwise (docs/benchmarks.md).
 *
 * The decoded fields are getters on the prototype: a spread (`{ ...event }`) or `Object.keys`
 * does not see them. So adapters hand these out only to subscribers that ask for them
 * (`SubscribeOptions.lazy`); `toJSON` gives the plain form.
 */
export class LazyRecordedEvent implements RecordedEvent {
  #data: JsonObject | undefined;
  #metadata: JsonObject | undefined;
  #recordedAt: Date | undefined;
  #position: Position | undefined;

  constructor(
    readonly eventId: string,
    readonly streamId: string,
    readonly revision: number,
    readonly type: string,
    private readonly sequence: number,
    /** JSON of the data, as stored. */
    readonly dataText: string,
    private readonly metadataText: string,
    /** ISO 8601, as stored. */
    readonly recordedAtText: string,
  ) {}

  get position(): Position {
    return (this.#position ??= positionFromSequence(this.sequence));
  }

  get data(): JsonObject {
    return (this.#data ??= JSON.parse(this.dataText) as JsonObject);
  }

  get metadata(): JsonObject {
    return (this.#metadata ??= sharedMetadata(this.metadataText));
  }

  get recordedAt(): Date {
    return (this.#recordedAt ??= new Date(this.recordedAtText));
  }

  toJSON(): RecordedEvent {
    return plainRecordedEvent(this);
  }
}

/**
 * Every field of a recorded event as own properties, read through its accessors: what a spread
 * would give for an eager event, and the only way to copy a lazy one (its fields are getters).
 */
export function plainRecordedEvent({ eventId, streamId, revision, position, type, data, metadata, recordedAt }: RecordedEvent): RecordedEvent {
  return { eventId, streamId, revision, position, type, data, metadata, recordedAt };
}

/**
 * The event's data and recording time as the store holds them (JSON text, ISO 8601 text), when
 * it was read lazily from stored text; undefined otherwise (an eager adapter, or an event a
 * decorator rebuilt). `data` is then exactly `JSON.parse(text.data)`: a projection may embed the
 * text instead of parsing and serialising the data again.
 */
export function storedText(event: RecordedEvent): { readonly data: string; readonly recordedAt: string } | undefined {
  return event instanceof LazyRecordedEvent ? { data: event.dataText, recordedAt: event.recordedAtText } : undefined;
}

/**
 * The events of one append (one request) carry the same metadata text: parsed once, shared, and
 * frozen so that no reader can change another event's metadata through it. A few recent texts
 * are remembered (events of one append alternate between types of different schema versions).
 */
const METADATA_MEMO = 64;
const metadataMemo = new Map<string, JsonObject>();
/** The last one, compared before hashing the text for the map (consecutive events mostly share it). */
let lastText: string | undefined;
let lastMetadata: JsonObject | undefined;

function sharedMetadata(text: string): JsonObject {
  if (text === lastText) return lastMetadata!;
  let metadata = metadataMemo.get(text);
  if (metadata === undefined) {
    if (metadataMemo.size >= METADATA_MEMO) metadataMemo.clear();
    metadata = deepFreeze(JSON.parse(text) as JsonObject);
    metadataMemo.set(text, metadata);
  }
  lastText = text;
  lastMetadata = metadata;
  return metadata;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
