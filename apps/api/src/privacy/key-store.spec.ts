import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { KeyStore, type PlannedErasure } from './key-store.js';
import { masterKeyFor } from './master-key.js';
import { KeyStoreError, PersonErasedError } from './privacy-errors.js';

const A = '018f0000-0000-7000-8000-00000000000a';
const B = '018f0000-0000-7000-8000-00000000000b';
const planned = (reason: string): PlannedErasure => ({ eventId: '018f0000-0000-7000-8000-0000000000e5', data: { occurredAt: '2026-01-01', provenance: 'service_record', reason }, metadata: {} });

describe('key store', () => {
  let dir: string;
  let file: string;
  const master = randomBytes(32);
  const opened: KeyStore[] = [];
  const open = (key = master) => {
    const store = new KeyStore(file, key);
    opened.push(store);
    return store;
  };
  /** Every byte SQLite keeps for the store: the database file and its WAL. */
  const bytesOnDisk = () => Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
  const wrappedKeyOf = (personId: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare<[string], Buffer>('SELECT wrapped FROM data_keys WHERE person_id = ?').pluck().get(personId);
    } finally {
      db.close();
    }
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'parcours-keys-'));
    file = join(dir, 'keys.sqlite');
  });
  afterEach(() => {
    opened.splice(0).forEach((s) => s.close());
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a key on first use, gives the same key again, and keeps it across a reopen', () => {
    const keys = open();
    expect(keys.status(A)).toEqual({ state: 'none' });
    const key = keys.keyFor(A);
    expect(key).toHaveLength(32);
    expect(keys.keyFor(A)).toEqual(key);
    expect(keys.keyFor(B)).not.toEqual(key);
    keys.close();
    expect(open().status(A)).toEqual({ state: 'active', key });
  });

  it('stores data keys wrapped: the raw key is nowhere on disk', () => {
    const key = open().keyFor(A);
    expect(bytesOnDisk().includes(key)).toBe(false);
    expect(wrappedKeyOf(A)).toHaveLength(12 + 16 + 32);
  });

  it('refuses to open with another master key, naming the variable', () => {
    open().keyFor(A);
    expect(() => open(randomBytes(32))).toThrow(KeyStoreError);
    expect(() => open(randomBytes(32))).toThrow(/PARCOURS_KEY_ENCRYPTION_KEY does not open the key store/);
  });

  it('given a destroyed key, then it is destroyed for good: reads say so, new keys are refused, across a reopen', () => {
    const keys = open();
    keys.keyFor(A);
    keys.destroy(A, planned('first'));
    expect(keys.status(A)).toEqual({ state: 'destroyed' });
    expect(() => keys.keyFor(A)).toThrow(PersonErasedError);
    keys.close();
    const again = open();
    expect(again.status(A)).toEqual({ state: 'destroyed' });
    expect(() => again.keyFor(A)).toThrow(PersonErasedError);
    expect(again.status(B)).toEqual({ state: 'none' });
  });

  it('given a destroyed key, then its wrapped bytes are left in neither the database file nor the WAL', () => {
    const keys = open();
    keys.keyFor(A);
    keys.keyFor(B);
    const wrapped = wrappedKeyOf(A)!;
    expect(bytesOnDisk().includes(wrapped)).toBe(true);
    keys.destroy(A, planned('request'));
    expect(bytesOnDisk().includes(wrapped)).toBe(false);
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
    expect(keys.status(B).state).toBe('active');
  });

  it('given a key cached by another connection, when it is destroyed here, then that connection sees it at its next read', () => {
    const here = open();
    const there = new KeyStore(file, master, { recheckMs: 60_000 });
    opened.push(there);
    there.keyFor(A);
    here.destroy(A, planned('request'));
    expect(there.status(A).state).toBe('active'); // cached: a read that began before the erasure
    there.refresh(); // what the encrypting store does at the start of every read and append
    expect(there.status(A)).toEqual({ state: 'destroyed' });
    expect(() => there.keyFor(A)).toThrow(PersonErasedError);
  });

  it('given a long read on another connection, then it notices a destroyed key within recheckMs by itself', () => {
    const here = open();
    const there = new KeyStore(file, master, { recheckMs: 0 });
    opened.push(there);
    there.keyFor(B);
    here.destroy(B, planned('request'));
    expect(there.status(B)).toEqual({ state: 'destroyed' });
  });

  it('records the erasure with its planned event: the first one wins, and it stays pending until completed', () => {
    const keys = open();
    keys.destroy(A, planned('first'));
    const again = keys.destroy(A, planned('second'));
    expect(again.event.data['reason']).toBe('first');
    expect(keys.pendingErasures().map((r) => r.personId)).toEqual([A]);
    keys.markCompleted(A);
    expect(keys.pendingErasures()).toEqual([]);
    expect(keys.erasure(A)).toMatchObject({ personId: A, completedAt: expect.any(String) });
    expect(keys.erasure(B)).toBeUndefined();
  });

  it('in demo mode, keeps one master key in a 0600 file beside the key store, the same at every start', () => {
    const config = { keyDbPath: file, keyEncryptionKey: undefined };
    const first = masterKeyFor(config);
    expect(masterKeyFor(config)).toEqual(first);
    expect(statSync(`${file}.demo-key`).mode & 0o777).toBe(0o600);
    const configured = randomBytes(32);
    expect(masterKeyFor({ keyDbPath: file, keyEncryptionKey: configured.toString('base64') })).toEqual(configured);
  });
});
