import { DomainError } from '../errors.js';
import { catalogueEntry, isPersonEventType, type IdentifiedPersonEvent, type PersonEventType } from './events.js';

/**
 * Stored events keep the schema version they were written with (metadata.schemaVersion). Reading
 * one back, we upcast it step by step to the current version before any decider or projection
 * sees it; stored events are never rewritten.
 */
type Data = Record<string, unknown>;
type Upcaster = (data: Data, context: { readonly eventId: string }) => Data;

/** Version 1 (the first API slice) had no provenance: it was not captured, so it is unknown. */
const addUnknownProvenance: Upcaster = (data) => ({ provenance: 'unknown', ...data });

/** UPCASTERS[type][v] turns version v into version v + 1. */
const UPCASTERS: Partial<Record<PersonEventType, Record<number, Upcaster>>> = {
  PersonRegistered: { 1: addUnknownProvenance },
  CareEpisodeStarted: { 1: addUnknownProvenance },
  CareEpisodeEnded: { 1: addUnknownProvenance },
  NarrativeRecorded: { 1: addUnknownProvenance },
  // v1 referrals had no id of their own: the event id is a stable one.
  ReferralMade: { 1: (data, { eventId }) => ({ provenance: 'unknown', referralId: eventId, ...data }) },
};

export interface StoredPersonEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: Data;
  /** Absent on events written before versions were recorded: version 1. */
  readonly schemaVersion?: number;
}

export function upcastPersonEvent(stored: StoredPersonEvent): IdentifiedPersonEvent {
  if (!isPersonEventType(stored.type)) {
    throw new DomainError('UNKNOWN_EVENT_TYPE', `Stored event ${stored.eventId} has a type this version does not know: ${stored.type}`);
  }
  const current = catalogueEntry(stored.type).version;
  let version = stored.schemaVersion ?? 1;
  if (version > current) {
    throw new DomainError('NEWER_SCHEMA_VERSION', `Stored ${stored.type} ${stored.eventId} is version ${version}; this program knows up to ${current}`);
  }
  let data = stored.data;
  while (version < current) {
    const upcast = UPCASTERS[stored.type]?.[version];
    if (!upcast) throw new Error(`No upcaster for ${stored.type} version ${version}`);
    data = upcast(data, { eventId: stored.eventId });
    version += 1;
  }
  return { eventId: stored.eventId, type: stored.type, data } as IdentifiedPersonEvent;
}

/** Every (type, version) pair that has an upcaster, for the test that checks the chains are complete. */
export function upcasterChains(): { type: PersonEventType; from: number }[] {
  return Object.entries(UPCASTERS).flatMap(([type, steps]) => Object.keys(steps!).map((v) => ({ type: type as PersonEventType, from: Number(v) })));
}
