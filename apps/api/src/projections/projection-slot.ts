import type { Position } from '@parcours/event-store';
import { type ProjectionCatalog, UnknownProjectionError } from './projection-catalog.js';
import type { ProjectionDefinition } from './projection-definition.js';
import type { ProjectionRegistry } from './projection-registry.js';
import type { ProjectionError, ProjectionState } from './projection-status.js';
import type { ProjectionWorker } from './projection-worker.js';
import { PositionWaiters } from './position-waiters.js';
import { RateMeter } from './rate-meter.js';

export interface RebuildProgress {
  readonly processed: number;
  /** Events in the log when the rebuild started, when countable (SQLite store); else null. */
  readonly total: number | null;
  readonly eventsPerSecond: number;
}

export interface RebuildResult {
  readonly processed: number;
  readonly checkpoint: Position;
  readonly durationMs: number;
}

export interface RebuildRun {
  processed: number;
  readonly total: number | null;
  readonly startedAt: number;
  readonly onProgress: ((progress: RebuildProgress) => void) | undefined;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** What the runner knows, in memory, of one projection. The registry table is the durable part. */
export interface ProjectionSlot {
  readonly definition: ProjectionDefinition;
  /** Mirror of the registry's active version; differs from the definition's while building. */
  activeVersion: number;
  worker: ProjectionWorker | undefined;
  state: ProjectionState;
  /** Failures since the last committed batch: the retry delay doubles with each. */
  failures: number;
  lastError: ProjectionError | undefined;
  retryTimer: NodeJS.Timeout | undefined;
  rebuild: RebuildRun | undefined;
  readonly rate: RateMeter;
  readonly waiters: PositionWaiters;
}

/** One slot per registered projection, made (and the projection installed) on first use. */
export class ProjectionSlots {
  private readonly slots = new Map<string, ProjectionSlot>();

  constructor(
    private readonly catalog: ProjectionCatalog,
    private readonly registry: ProjectionRegistry,
  ) {}

  all(): ProjectionSlot[] {
    for (const definition of this.catalog.all()) {
      if (!this.slots.has(definition.name)) this.slots.set(definition.name, newSlot(definition, this.registry.install(definition).activeVersion));
    }
    return [...this.slots.values()];
  }

  get(name: string): ProjectionSlot {
    const slot = this.all().find((s) => s.definition.name === name);
    if (!slot) throw new UnknownProjectionError(name);
    return slot;
  }
}

function newSlot(definition: ProjectionDefinition, activeVersion: number): ProjectionSlot {
  return {
    definition,
    activeVersion,
    worker: undefined,
    state: 'stopped',
    failures: 0,
    lastError: undefined,
    retryTimer: undefined,
    rebuild: undefined,
    rate: new RateMeter(),
    waiters: new PositionWaiters(),
  };
}

export function reportProgress(run: RebuildRun, count: number): void {
  run.processed += count;
  const seconds = Math.max(0.001, (Date.now() - run.startedAt) / 1000);
  try {
    run.onProgress?.({ processed: run.processed, total: run.total, eventsPerSecond: Math.round(run.processed / seconds) });
  } catch {
    // a progress display must not fail the projection
  }
}

/** The slot is failed; `retryInMs` when a retry is scheduled. */
export function recordFailure(slot: ProjectionSlot, error: unknown, retryInMs: number | undefined): ProjectionError {
  const at = Date.now();
  slot.failures += 1;
  slot.state = 'failed';
  slot.lastError = {
    message: error instanceof Error ? error.message : String(error),
    at: new Date(at).toISOString(),
    ...(retryInMs !== undefined && { retryAt: new Date(at + retryInMs).toISOString() }),
  };
  return slot.lastError;
}
