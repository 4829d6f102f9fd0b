export { EsdbEventStore, type EsdbEventStoreOptions } from './esdb-event-store.js';
export { InvalidConnectionStringError } from './esdb-errors.js';
export { RECORDED_AT_KEY } from './esdb-events.js';
export type { ReconnectPolicy } from './esdb-subscription.js';
