import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { JsonObject } from '@parcours/event-store';
import type { AppConfig } from '../config/app-config.js';
import { KEY_BYTES } from './data-cipher.js';
import { LruCache } from './key-cache.js';
import { keyStoreStatements, migrateKeyStore, type KeyStoreStatements } from './key-store-schema.js';
import { assertMasterKeyOpens, masterKeyCheck, masterKeyFor, unwrapKey, wrapKey } from './master-key.js';
import { KeyStoreError, PersonErasedError } from './privacy-errors.js';

/** A person's data key: usable, destroyed (the person is erased), or never needed yet. */
export type KeyStatus = { readonly state: 'active'; readonly key: Buffer } | { readonly state: 'destroyed' } | { readonly state: 'none' };

/** The PersonErased event an erasure appends, decided before the key is destroyed (see ErasePersonHandler). */
export interface PlannedErasure {
  readonly eventId: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

export interface ErasureRecord {
  readonly personId: string;
  readonly destroyedAt: string;
  readonly event: PlannedErasure;
  /** When PersonErased was appended; null while the erasure is still to be completed. */
  readonly completedAt: string | null;
}

const DESTROYED: KeyStatus = { state: 'destroyed' };
const NONE: KeyStatus = { state: 'none' };

/**
 * The key store: one data key per person, in a SQLite file of its own (PARCOURS_KEY_DB), each
 * wrapped by the master key. Destroying a key deletes its row with secure_delete on and
 * checkpoints the WAL, so its bytes are left in neither file; an erasure row (no key material)
 * remembers that the key existed and was destroyed on purpose, which is what lets readers tell
 * an erased person from a lost key file.
 */
export class KeyStore {
  private readonly db: Database.Database;
  private readonly sql: KeyStoreStatements;
  private readonly cache: LruCache<KeyStatus>;
  private readonly now: () => Date;
  private readonly recheckMs: number;
  private seenVersion: number;
  private checkedAt = 0;

  static fromConfig(config: Pick<AppConfig, 'keyDbPath' | 'keyEncryptionKey'>): KeyStore {
    return new KeyStore(config.keyDbPath, masterKeyFor(config));
  }

  constructor(
    readonly filename: string,
    private readonly master: Buffer,
    options: { readonly cacheSize?: number; readonly clock?: () => Date; readonly recheckMs?: number } = {},
  ) {
    if (master.length !== KEY_BYTES) throw new KeyStoreError(`The master key must be ${KEY_BYTES} bytes`);
    if (filename !== ':memory:') mkdirSync(dirname(resolve(filename)), { recursive: true });
    this.db = new Database(filename);
    // An acknowledged key must survive power loss: events sealed with it are appended right after.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    // Deleted rows are overwritten with zeros, not merely unlinked: a destroyed key leaves no bytes.
    this.db.pragma('secure_delete = ON');
    migrateKeyStore(this.db, () => masterKeyCheck(master));
    this.sql = keyStoreStatements(this.db);
    assertMasterKeyOpens(master, this.sql.check.get()!, filename);
    this.cache = new LruCache(options.cacheSize ?? 10_000);
    this.now = options.clock ?? (() => new Date());
    this.recheckMs = options.recheckMs ?? 100;
    this.seenVersion = this.sql.dataVersion.get()!;
  }

  /** For reading: the key if the person has one, or whether it was destroyed. */
  status(personId: string): KeyStatus {
    if (performance.now() - this.checkedAt > this.recheckMs) this.refresh();
    const cached = this.cache.get(personId);
    if (cached) return cached;
    const wrapped = this.sql.key.get(personId);
    const status: KeyStatus = wrapped ? { state: 'active', key: unwrapKey(this.master, personId, wrapped) } : this.sql.erasure.get(personId) ? DESTROYED : NONE;
    this.cache.set(personId, status);
    return status;
  }

  /**
   * For sealing: the person's key, created on first use. The new row is committed (and synced)
   * before anything is sealed with it. Refused once the person is erased, even by another
   * process: the insert checks for an erasure in the same statement.
   */
  keyFor(personId: string): Buffer {
    const current = this.status(personId);
    if (current.state === 'active') return current.key;
    if (current.state === 'none') {
      this.sql.createKey.run(personId, wrapKey(this.master, personId, randomBytes(KEY_BYTES)), this.now().toISOString(), personId);
      this.cache.delete(personId);
    }
    const created = this.status(personId); // another process may have created it first: theirs is the key
    if (created.state !== 'active') throw new PersonErasedError(personId);
    return created.key;
  }

  /**
   * Destroys the person's key and records the erasure with the PersonErased event to append
   * (the first planned event wins: a retried erasure appends the same event). Idempotent.
   */
  destroy(personId: string, planned: PlannedErasure): ErasureRecord {
    this.db.transaction(() => {
      this.sql.recordErasure.run(personId, this.now().toISOString(), JSON.stringify(planned));
      this.sql.deleteKey.run(personId);
    }).immediate();
    this.cache.set(personId, DESTROYED);
    this.checkpoint();
    return this.erasure(personId)!;
  }

  erasure(personId: string): ErasureRecord | undefined {
    const row = this.sql.erasureRecord.get(personId);
    return row ? toRecord(row) : undefined;
  }

  /** Erasures whose key is destroyed but whose PersonErased was not appended yet (a crash, a failed append). */
  pendingErasures(): ErasureRecord[] {
    return this.sql.pending.all().map(toRecord);
  }

  markCompleted(personId: string): void {
    this.sql.complete.run(this.now().toISOString(), personId);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Moves every committed page into the database file and empties the WAL: until then, the WAL
   * still holds the frame written when the key was created.
   */
  private checkpoint(): void {
    for (let attempt = 0; attempt < 3; attempt++) {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (!result?.busy) return;
    }
    throw new KeyStoreError(`The key store ${this.filename} could not checkpoint its WAL (busy): retry the erasure`);
  }

  /**
   * Another connection (the CLI, a second process) may have created or destroyed keys since we
   * cached them: SQLite's data_version changes exactly then, and the cache starts afresh. The
   * encrypting store calls this at the start of every read and append, so a request never sees a
   * key destroyed before it began; `status` also rechecks every `recheckMs` (100 ms) during long
   * reads and subscriptions — not at every event: on a WAL file the pragma costs a read
   * transaction, which tripled the cost of reading the log.
   */
  refresh(): void {
    this.checkedAt = performance.now();
    const version = this.sql.dataVersion.get()!;
    if (version === this.seenVersion) return;
    this.seenVersion = version;
    this.cache.clear();
  }
}

function toRecord(row: { person_id: string; destroyed_at: string; event: string; completed_at: string | null }): ErasureRecord {
  return { personId: row.person_id, destroyedAt: row.destroyed_at, event: JSON.parse(row.event) as PlannedErasure, completedAt: row.completed_at };
}
