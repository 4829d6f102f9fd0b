import type Database from 'better-sqlite3';
import { type Position, type RecordedEvent, START } from '@parcours/event-store';
import { type CatchUpSession, ownTablePattern, type ProjectionDefinition, tableNamer } from './projection-definition.js';

export interface RegistryEntry {
  readonly name: string;
  readonly activeVersion: number;
  readonly buildingVersion: number | null;
  readonly lastError: string | null;
  readonly lastErrorAt: string | null;
}

export interface Checkpoint {
  readonly position: Position;
  readonly lastRecordedAt: string | null;
  readonly eventsApplied: number;
}

/** Another process moved the checkpoint (a rebuild, a second runner): retry from the stored one. */
export class CheckpointMovedError extends Error {
  constructor(name: string, version: number, expected: Position) {
    super(`Projection ${name} v${version}: the checkpoint is no longer ${expected}; another process moved it`);
    this.name = 'CheckpointMovedError';
  }
}

/**
 * The SQL of the registry and checkpoints. Every change of versions or tables is one IMMEDIATE
 * transaction, so a crash leaves either the old state or the new one, never a mix.
 */
export class ProjectionRegistry {
  private statements: ReturnType<typeof prepare> | undefined;

  constructor(private readonly db: Database.Database) {}

  /** Prepared once: every query asks for the entry and the checkpoint (read-your-writes, table names). */
  private get sql(): ReturnType<typeof prepare> {
    return (this.statements ??= prepare(this.db));
  }

  entry(name: string): RegistryEntry | undefined {
    return this.sql.entry.get(name);
  }

  checkpoint(name: string, version: number): Checkpoint {
    return this.sql.checkpoint.get(name, version) ?? { position: START, lastRecordedAt: null, eventsApplied: 0 };
  }

  /** The catch-up session of the definition's version, when it has one. */
  openCatchUp(definition: ProjectionDefinition, version: number): CatchUpSession | undefined {
    return definition.catchUp?.(this.db, tableNamer(definition.name, version));
  }

  /** First sight of a projection: its tables, active at once (they fill while catching up). */
  install(definition: ProjectionDefinition): RegistryEntry {
    return this.db.transaction(() => {
      const existing = this.entry(definition.name);
      if (existing) return existing;
      this.createVersion(definition, definition.version);
      const now = new Date().toISOString();
      this.db
        .prepare('INSERT INTO projection_registry (name, active_version, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(definition.name, definition.version, now, now);
      return this.entry(definition.name)!;
    }).immediate();
  }

  /** Fresh tables for the code's version next to the active ones (unless that build is under way). */
  beginBuilding(definition: ProjectionDefinition): void {
    this.db.transaction(() => {
      const entry = this.entry(definition.name);
      if (entry?.buildingVersion === definition.version) return; // resume the build
      // Leftovers of an abandoned build (any version but the active one) go first.
      this.dropTables(definition.name, (version) => version !== entry?.activeVersion);
      this.createVersion(definition, definition.version);
      this.db
        .prepare('UPDATE projection_registry SET building_version = ?, updated_at = ? WHERE name = ?')
        .run(definition.version, new Date().toISOString(), definition.name);
    }).immediate();
  }

  /** The built version becomes the active one; the previous version's tables are dropped. */
  swap(name: string, version: number): void {
    this.db.transaction(() => {
      const swapped = this.db
        .prepare('UPDATE projection_registry SET active_version = ?, building_version = NULL, updated_at = ? WHERE name = ? AND building_version = ?')
        .run(version, new Date().toISOString(), name, version);
      if (swapped.changes === 0) return; // another process swapped already
      this.dropTables(name, (v) => v !== version);
    }).immediate();
  }

  /** Drops every table of the projection and starts the code's version again from START. */
  reset(definition: ProjectionDefinition): void {
    this.db.transaction(() => {
      this.dropTables(definition.name, () => true);
      this.createVersion(definition, definition.version);
      const now = new Date().toISOString();
      this.db
        .prepare(
          `INSERT INTO projection_registry (name, active_version, created_at, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (name) DO UPDATE SET active_version = excluded.active_version, building_version = NULL, updated_at = excluded.updated_at`,
        )
        .run(definition.name, definition.version, now, now);
    }).immediate();
  }

  /**
   * One batch and its checkpoint, in one transaction: the exactly-once effect. The checkpoint
   * only moves from where this runner left it, so two processes cannot both apply a batch.
   */
  commitBatch(definition: ProjectionDefinition, version: number, from: Position, events: readonly RecordedEvent[], session?: CatchUpSession): void {
    const last = events[events.length - 1];
    if (!last) return;
    this.db.transaction(() => {
      if (session) session.applyBatch(events);
      else definition.applyBatch(this.db, tableNamer(definition.name, version), events);
      const moved = this.sql.advance.run(last.position, last.recordedAt.toISOString(), events.length, new Date().toISOString(), definition.name, version, from);
      if (moved.changes !== 1) throw new CheckpointMovedError(definition.name, version, from);
    }).immediate();
  }

  /** One step of a catch-up session's deferred work, guarded like a batch: only if the checkpoint is still `at`. */
  finishStep(definition: ProjectionDefinition, version: number, at: Position, session: CatchUpSession): boolean {
    return this.db.transaction(() => {
      if (this.checkpoint(definition.name, version).position !== at) throw new CheckpointMovedError(definition.name, version, at);
      return session.finishStep();
    }).immediate();
  }

  /** Best effort, never throws: the database may be what failed. */
  recordError(name: string, message: string): void {
    try {
      this.db.prepare('UPDATE projection_registry SET last_error = ?, last_error_at = ? WHERE name = ?').run(message, new Date().toISOString(), name);
    } catch {
      // the error is logged and kept in memory anyway
    }
  }

  /** Names of the projection's tables, optionally of one version only. */
  tables(name: string, version?: number): string[] {
    const pattern = ownTablePattern(name, version);
    const rows = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return rows.map((r) => r.name).filter((n) => pattern.test(n));
  }

  /** Runs inside a transaction: the tables and the START checkpoint of one version. */
  private createVersion(definition: ProjectionDefinition, version: number): void {
    definition.createTables(this.db, tableNamer(definition.name, version));
    const now = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO projection_checkpoints (name, version, position, started_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (name, version) DO UPDATE SET position = excluded.position, last_recorded_at = NULL,
           events_applied = 0, started_at = excluded.started_at, updated_at = excluded.updated_at`,
      )
      .run(definition.name, version, START, now, now);
  }

  /** Runs inside a transaction. Views first, then tables; foreign keys are checked at commit. */
  private dropTables(name: string, versionMatches: (version: number) => boolean): void {
    this.db.pragma('defer_foreign_keys = ON');
    const pattern = ownTablePattern(name);
    const objects = this.db.prepare("SELECT type, name FROM sqlite_master WHERE type IN ('view', 'table') ORDER BY type DESC").all() as {
      type: 'view' | 'table';
      name: string;
    }[];
    for (const object of objects) {
      if (!pattern.test(object.name)) continue;
      const version = Number(/_v(\d+)_/.exec(object.name.slice(name.length))![1]);
      if (versionMatches(version)) this.db.exec(`DROP ${object.type.toUpperCase()} IF EXISTS "${object.name}"`);
    }
    const versions = this.db.prepare('SELECT version FROM projection_checkpoints WHERE name = ?').all(name) as { version: number }[];
    for (const { version } of versions) {
      if (versionMatches(version)) this.db.prepare('DELETE FROM projection_checkpoints WHERE name = ? AND version = ?').run(name, version);
    }
  }
}

function prepare(db: Database.Database) {
  return {
    entry: db.prepare<[string], RegistryEntry>(
      `SELECT name, active_version AS activeVersion, building_version AS buildingVersion,
              last_error AS lastError, last_error_at AS lastErrorAt
       FROM projection_registry WHERE name = ?`,
    ),
    checkpoint: db.prepare<[string, number], Checkpoint>(
      `SELECT position, last_recorded_at AS lastRecordedAt, events_applied AS eventsApplied
       FROM projection_checkpoints WHERE name = ? AND version = ?`,
    ),
    advance: db.prepare<[Position, string, number, string, string, number, Position]>(
      `UPDATE projection_checkpoints SET position = ?, last_recorded_at = ?, events_applied = events_applied + ?, updated_at = ?
       WHERE name = ? AND version = ? AND position = ?`,
    ),
  };
}
