export { type CatchUpSession, type ProjectionDefinition, type TableNamer } from './projection-definition.js';
export { ProjectionCatalog, UnknownProjectionError } from './projection-catalog.js';
export { ProjectionRunner } from './projection-runner.js';
export type { RebuildProgress, RebuildResult } from './projection-slot.js';
export type { ProjectionState, ProjectionStatus } from './projection-status.js';
export type { WaitResult } from './position-waiters.js';
export { ReadModelDatabase } from './read-model-database.js';
export { ReadYourWrites, markFreshness, type Freshness } from './read-your-writes.js';
export { ProjectionsModule, type ProjectionsModuleOptions } from './projections.module.js';
