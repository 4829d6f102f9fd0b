import { Logger } from '@nestjs/common';
import { type EventStore, type Position, sequenceFromPosition, START } from '@parcours/event-store';
import { ProjectionCatalog } from './projection-catalog.js';
import { type TableNamer, tableNamer } from './projection-definition.js';
import { ProjectionRegistry } from './projection-registry.js';
import { type ProjectionStatus, statusOf } from './projection-status.js';
import { type CommittedBatch, ProjectionWorker } from './projection-worker.js';
import { type ProjectionSlot, ProjectionSlots, type RebuildProgress, type RebuildResult, recordFailure, reportProgress } from './projection-slot.js';
import type { WaitResult } from './position-waiters.js';
import { ReadModelDatabase } from './read-model-database.js';
import { DEFAULT_RUNNER_OPTIONS, type RunnerOptions } from './runner-options.js';

/**
 * Feeds every registered projection from the store's subscription to `$all`, with checkpoints
 * kept in the read-model database. See docs/projections.md for batching, exactly-once effects,
 * versioned rebuilds and read-your-writes.
 */
export class ProjectionRunner {
  private readonly options: RunnerOptions;
  private readonly registry: ProjectionRegistry;
  private readonly slots: ProjectionSlots;
  private readonly rebuilding = new Set<string>();
  private running = false;

  constructor(private readonly store: EventStore, database: ReadModelDatabase, catalog: ProjectionCatalog, options: Partial<RunnerOptions> = {}) {
    this.options = { ...DEFAULT_RUNNER_OPTIONS, logger: new Logger('ProjectionRunner'), ...options };
    this.registry = new ProjectionRegistry(database.connection);
    this.slots = new ProjectionSlots(catalog, this.registry);
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Resumes every projection from its checkpoint, or builds its new version in the background. */
  start(): void {
    if (this.running) return;
    this.running = true;
    for (const slot of this.slots.all()) if (!slot.worker) this.tryLaunch(slot);
  }

  /** Stops every subscription; resolves once no batch is being applied. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.slots.all().map((slot) => this.stopSlot(slot)));
  }

  /** The tables queries must read: the active version's, from the registry (another process may swap). */
  tableFor(name: string): TableNamer {
    return tableNamer(name, this.activeVersion(name));
  }

  /** The active version's checkpoint: what queries reflect. */
  checkpoint(name: string): Position {
    return this.registry.checkpoint(name, this.activeVersion(name)).position;
  }

  /** Resolves as soon as the active checkpoint is at or after `position`, or at the timeout. */
  waitForPosition(name: string, position: Position, timeoutMs: number): Promise<WaitResult> {
    return this.slots.get(name).waiters.wait(position, timeoutMs, () => this.checkpoint(name));
  }

  async status(): Promise<ProjectionStatus[]> {
    const slots = this.slots.all();
    const head = await this.store.headPosition().catch(() => null); // store down: head unknown
    return slots.map((slot) => statusOf(slot, this.registry, head, (from, to) => this.eventsBetween(from, to)));
  }

  /**
   * Drops the projection's tables and replays the whole log into fresh ones (in place: queries
   * see the read model fill up). Resolves when caught up with the log; a running runner then
   * keeps the projection live, a stopped one (the CLI) stops it again.
   */
  async rebuild(name: string, onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult> {
    const slot = this.slots.get(name);
    if (this.rebuilding.has(name)) throw new Error(`Projection ${name} is already being rebuilt`);
    this.rebuilding.add(name);
    try {
      return await this.rebuildSlot(slot, onProgress);
    } finally {
      this.rebuilding.delete(name);
    }
  }

  private async rebuildSlot(slot: ProjectionSlot, onProgress?: (progress: RebuildProgress) => void): Promise<RebuildResult> {
    const total = this.eventsBetween(START, await this.store.headPosition());
    await this.stopSlot(slot);
    this.registry.reset(slot.definition);
    slot.activeVersion = slot.definition.version;
    slot.failures = 0;
    const finished = new Promise<void>((resolve, reject) => {
      slot.rebuild = { processed: 0, total, startedAt: Date.now(), onProgress, resolve, reject };
    });
    const run = slot.rebuild!;
    try {
      this.tryLaunch(slot);
      await finished;
      return { processed: run.processed, checkpoint: this.checkpoint(slot.definition.name), durationMs: Date.now() - run.startedAt };
    } finally {
      slot.rebuild = undefined;
      if (!this.running) await this.stopSlot(slot);
    }
  }

  private tryLaunch(slot: ProjectionSlot): void {
    try {
      this.launch(slot);
    } catch (error) {
      this.fail(slot, error);
    }
  }

  /** Subscribes from the checkpoint of the code's version, which is either the active one or being built. */
  private launch(slot: ProjectionSlot): void {
    const { definition } = slot;
    const entry = this.registry.install(definition);
    const building = entry.activeVersion !== definition.version;
    if (building) this.registry.beginBuilding(definition);
    slot.activeVersion = entry.activeVersion;
    const from = this.registry.checkpoint(definition.name, definition.version).position;
    slot.state = building || slot.rebuild ? 'rebuilding' : 'catching_up';
    if (building) this.options.logger.log(`Projection ${definition.name}: building v${definition.version} from ${from} while v${entry.activeVersion} answers queries`);
    const worker = new ProjectionWorker(this.store, this.registry, definition, definition.version, from, this.options, {
      onCommitted: (batch) => this.onCommitted(slot, batch),
      onCaughtUp: (checkpoint) => this.onCaughtUp(slot, checkpoint),
    });
    slot.worker = worker;
    worker.ended.then(() => this.onEnded(slot, worker, undefined), (error: unknown) => this.onEnded(slot, worker, error));
  }

  private onCommitted(slot: ProjectionSlot, batch: CommittedBatch): void {
    slot.rate.record(batch.count);
    slot.failures = 0;
    if (slot.activeVersion === slot.definition.version) slot.waiters.notify(batch.checkpoint);
    if (slot.rebuild) reportProgress(slot.rebuild, batch.count);
  }

  /** The new version has caught up: it becomes the active one (one transaction), the old tables go. */
  private onCaughtUp(slot: ProjectionSlot, checkpoint: Position): void {
    const { name, version } = slot.definition;
    if (slot.activeVersion !== version) {
      this.registry.swap(name, version);
      this.options.logger.log(`Projection ${name}: v${version} caught up at ${checkpoint} and answers queries now; v${slot.activeVersion} dropped`);
      slot.activeVersion = version;
      slot.waiters.notify(checkpoint);
    }
    slot.state = 'live';
    slot.rebuild?.resolve();
  }

  private onEnded(slot: ProjectionSlot, worker: ProjectionWorker, error: unknown): void {
    if (slot.worker !== worker) return; // stopped on purpose
    slot.worker = undefined;
    this.fail(slot, error ?? new Error('The subscription to $all ended unexpectedly'));
  }

  /** Never skip: record the error, and start again later from the last checkpoint. */
  private fail(slot: ProjectionSlot, error: unknown): void {
    const { name } = slot.definition;
    const delay = Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** slot.failures);
    const { message } = recordFailure(slot, error, this.running ? delay : undefined);
    const next = this.running ? `retrying from its checkpoint in ${delay} ms` : 'not retried: the runner is stopped';
    this.options.logger.error(`Projection ${name} failed (${slot.failures} in a row), ${next}: ${message}`, (error as Error)?.stack);
    this.registry.recordError(name, message);
    slot.rebuild?.reject(error);
    if (!this.running) return;
    slot.retryTimer = setTimeout(() => {
      slot.retryTimer = undefined;
      if (this.running && !slot.worker) this.tryLaunch(slot);
    }, delay);
  }

  private async stopSlot(slot: ProjectionSlot): Promise<void> {
    if (slot.retryTimer) clearTimeout(slot.retryTimer);
    slot.retryTimer = undefined;
    const worker = slot.worker;
    slot.worker = undefined;
    await worker?.stop();
    slot.state = 'stopped';
    slot.waiters.releaseAll(this.registry.checkpoint(slot.definition.name, slot.activeVersion).position);
  }

  private activeVersion(name: string): number {
    this.slots.get(name);
    return this.registry.entry(name)!.activeVersion;
  }

  /** Only SQLite positions are row sequences; EventStoreDB's are byte offsets, which count no events. */
  private eventsBetween(from: Position, to: Position): number | null {
    return this.options.sequencePositions ? Math.max(0, sequenceFromPosition(to) - sequenceFromPosition(from)) : null;
  }
}
