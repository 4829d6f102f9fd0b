/** A fake EventStoreDB node for tests: see README.md for what it models and what it does not. */
export { startFakeEsdb, type FakeEsdb, type FakeEsdbOptions } from './server.js';
export { EventLog, type LogEvent, type Expected, type AppendOutcome } from './event-log.js';
