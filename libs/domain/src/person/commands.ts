import type { IdentifiedPersonEvent, PersonEventOf } from './events.js';

/** What a caseworker asks of a person's stream. Ids and time are decided by the caller. */
export type PersonCommand =
  | { readonly type: 'RegisterPerson'; readonly event: PersonEventOf<'PersonRegistered'> & { readonly eventId: string } }
  | { readonly type: 'RecordPersonEvents'; readonly events: readonly IdentifiedPersonEvent[] };
