import { randomBytes } from 'node:crypto';

/** The secret behind research pseudonyms (PARCOURS_EXPORT_KEY), injected under this token. */
export const EXPORT_KEY = Symbol('ExportKey');

export interface ExportKey {
  readonly secret: Buffer;
  /** False for a per-process random key: pseudonyms then change at every run, and the metadata says so. */
  readonly stable: boolean;
}

/** 256 bits, as `openssl rand -base64 32` gives: a shorter key would make pseudonyms guessable by brute force. */
export const MIN_EXPORT_KEY_BYTES = 32;

export class ExportKeyError extends Error {
  readonly code = 'INVALID_EXPORT_KEY';
}

/**
 * The export key from the environment: `PARCOURS_EXPORT_KEY`, a base64 secret of at least 32
 * bytes. Absent, a random key for this process: exports still work, but their pseudonyms do not
 * link across runs. Malformed or short, a refusal at start-up rather than weak pseudonyms.
 */
export function exportKeyFrom(env: Readonly<Record<string, string | undefined>>): ExportKey {
  const text = env['PARCOURS_EXPORT_KEY']?.trim();
  if (!text) return { secret: randomBytes(MIN_EXPORT_KEY_BYTES), stable: false };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new ExportKeyError('PARCOURS_EXPORT_KEY must be base64 (e.g. the output of `openssl rand -base64 32`)');
  }
  const secret = Buffer.from(text, 'base64');
  if (secret.length < MIN_EXPORT_KEY_BYTES) {
    throw new ExportKeyError(`PARCOURS_EXPORT_KEY must decode to at least ${MIN_EXPORT_KEY_BYTES} bytes, got ${secret.length}`);
  }
  return { secret, stable: true };
}
