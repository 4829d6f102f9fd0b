import { comparePositions, type Position } from '@parcours/event-store';
import type { Checkpoint, ProjectionRegistry } from './projection-registry.js';
import type { ProjectionSlot } from './projection-slot.js';

/**
 * catching_up: replaying the log towards its head; live: caught up, following appends;
 * rebuilding: building a new version (or a rebuild) from START while the active tables answer;
 * failed: applyBatch (or the store) failed, a retry from the checkpoint is scheduled;
 * stopped: the runner is not running in this process (e.g. a CLI context).
 */
export type ProjectionState = 'catching_up' | 'live' | 'rebuilding' | 'failed' | 'stopped';

export interface ProjectionError {
  readonly message: string;
  readonly at: string;
  /** When the next attempt starts (while failed). */
  readonly retryAt?: string;
}

export interface ProjectionStatus {
  readonly name: string;
  readonly state: ProjectionState;
  /** The version queries read. */
  readonly activeVersion: number;
  readonly buildingVersion?: number;
  /** The active version's checkpoint: what queries reflect. */
  readonly checkpoint: Position;
  readonly buildingCheckpoint?: Position;
  readonly headPosition: Position | null;
  /** Events between the checkpoint being fed (building one if any) and the head; null when positions are not sequences (EventStoreDB). */
  readonly lagEvents: number | null;
  /** Seconds since the last applied event was recorded, when behind (0 when caught up, null when unknown). */
  readonly lagSeconds: number | null;
  /** Over the last few seconds. */
  readonly eventsPerSecond: number;
  /** Events applied to the version being fed since it started from START. */
  readonly eventsApplied: number;
  readonly lastError?: ProjectionError;
}

export interface StatusFacts {
  readonly name: string;
  readonly state: ProjectionState;
  readonly activeVersion: number;
  readonly buildingVersion: number | null;
  readonly active: Checkpoint;
  readonly building: Checkpoint | undefined;
  readonly head: Position | null;
  readonly eventsPerSecond: number;
  readonly lastError: ProjectionError | undefined;
  readonly eventsBetween: (from: Position, to: Position) => number | null;
  readonly now: number;
}

export function describeProjection(facts: StatusFacts): ProjectionStatus {
  const fed = facts.building ?? facts.active;
  const behind = facts.head !== null && comparePositions(fed.position, facts.head) < 0;
  let lagSeconds: number | null = null;
  if (facts.head !== null && !behind) lagSeconds = 0;
  else if (behind && fed.lastRecordedAt) lagSeconds = Math.max(0, Math.round((facts.now - Date.parse(fed.lastRecordedAt)) / 100) / 10);
  return {
    name: facts.name,
    state: facts.state,
    activeVersion: facts.activeVersion,
    ...(facts.buildingVersion !== null && { buildingVersion: facts.buildingVersion }),
    checkpoint: facts.active.position,
    ...(facts.building && { buildingCheckpoint: facts.building.position }),
    headPosition: facts.head,
    lagEvents: facts.head === null ? null : facts.eventsBetween(fed.position, facts.head),
    lagSeconds,
    eventsPerSecond: facts.eventsPerSecond,
    eventsApplied: fed.eventsApplied,
    ...(facts.lastError && { lastError: facts.lastError }),
  };
}

/** The status of one projection: durable facts from the registry, live ones from the slot. */
export function statusOf(
  slot: ProjectionSlot,
  registry: ProjectionRegistry,
  head: Position | null,
  eventsBetween: StatusFacts['eventsBetween'],
): ProjectionStatus {
  const { name } = slot.definition;
  const entry = registry.entry(name)!;
  const persisted = entry.lastError ? { message: entry.lastError, at: entry.lastErrorAt ?? '' } : undefined;
  return describeProjection({
    name,
    state: slot.state,
    activeVersion: entry.activeVersion,
    buildingVersion: entry.buildingVersion,
    active: registry.checkpoint(name, entry.activeVersion),
    building: entry.buildingVersion === null ? undefined : registry.checkpoint(name, entry.buildingVersion),
    head,
    eventsPerSecond: slot.rate.perSecond(),
    lastError: slot.lastError ?? persisted,
    eventsBetween,
    now: Date.now(),
  });
}
