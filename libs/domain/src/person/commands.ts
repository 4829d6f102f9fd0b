import type { PersonEvent } from './events.js';

/** What a caseworker asks of a person's stream. Ids and time are decided by the caller. */
export type PersonCommand =
  | { readonly type: 'RegisterPerson'; readonly event: Extract<PersonEvent, { type: 'PersonRegistered' }> }
  | { readonly type: 'RecordPersonEvents'; readonly events: readonly PersonEvent[] };
