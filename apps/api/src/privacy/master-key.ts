import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import { decrypt, encrypt, KEY_BYTES } from './data-cipher.js';
import { KeyStoreError, SealedDataError } from './privacy-errors.js';

/**
 * The key-encryption key ("master key") that wraps every person's data key in the key store:
 * PARCOURS_KEY_ENCRYPTION_KEY (required outside demo mode), else — demo mode only — a key file
 * kept beside the key store. A per-process random key would not do even for the demo: its data
 * persists in ./data, and after a restart every data key would be unreadable.
 */
export function masterKeyFor(config: Pick<AppConfig, 'keyDbPath' | 'keyEncryptionKey'>): Buffer {
  if (config.keyEncryptionKey) return Buffer.from(config.keyEncryptionKey, 'base64');
  if (config.keyDbPath === ':memory:') return randomBytes(KEY_BYTES); // nothing outlives the process
  return demoKey(`${config.keyDbPath}.demo-key`);
}

/**
 * Created once, mode 0600, and published with link(2), which refuses to replace an existing file:
 * two processes starting together agree on one key, and nobody ever reads a half-written file.
 */
function demoKey(path: string): Buffer {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(draft, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600, flush: true });
  try {
    linkSync(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new KeyStoreError(`${path} does not hold a demo key (base64 of ${KEY_BYTES} bytes); set PARCOURS_KEY_ENCRYPTION_KEY or remove the demo data`);
  return key;
}

const WRAP_AAD = 'parcours:data-key:';
const CHECK_AAD = 'parcours:key-store-check';
const CHECK_TEXT = 'parcours key store';

/** A data key encrypted under the master key, bound to its person: a row copied to another person does not open. */
export function wrapKey(master: Buffer, personId: string, dataKey: Buffer): Buffer {
  return encrypt(master, dataKey, `${WRAP_AAD}${personId}`);
}

export function unwrapKey(master: Buffer, personId: string, wrapped: Buffer): Buffer {
  try {
    return decrypt(master, wrapped, `${WRAP_AAD}${personId}`);
  } catch (error) {
    if (error instanceof SealedDataError) throw new KeyStoreError(`The data key of person ${personId} does not open with the master key`, { cause: error });
    throw error;
  }
}

/** A value only the right master key opens, stored when the key store is created. */
export function masterKeyCheck(master: Buffer): Buffer {
  return encrypt(master, Buffer.from(CHECK_TEXT), CHECK_AAD);
}

/** Stops the start when the key store was created with another master key, instead of failing on every read. */
export function assertMasterKeyOpens(master: Buffer, check: Buffer, filename: string): void {
  try {
    if (decrypt(master, check, CHECK_AAD).toString() === CHECK_TEXT) return;
  } catch (error) {
    if (!(error instanceof SealedDataError)) throw error;
  }
  throw new KeyStoreError(`PARCOURS_KEY_ENCRYPTION_KEY does not open the key store ${filename}: it was created with another key`);
}
