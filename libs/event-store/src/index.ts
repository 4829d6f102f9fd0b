export * from './event-store.port.js';
export * from './errors.js';
export * from './position.js';
export * from './stream-name.js';
export { LazyRecordedEvent, plainRecordedEvent, storedText } from './lazy-event.js';
export { validateAppend, meetsExpectation } from './append-validation.js';
export { SqliteEventStore, type SqliteEventStoreOptions, type SynchronousMode } from './sqlite/sqlite-event-store.js';
