import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SealedDataError } from './privacy-errors.js';

/**
 * AES-256-GCM with associated data (node:crypto). A fresh 96-bit random IV per encryption: with
 * one key per person and a few thousand events each, IV collisions are out of reach (NIST
 * SP 800-38D's 2^32 limit per key). The tag authenticates the ciphertext and the associated
 * data, so sealed fields cannot be altered, or moved to another event or stream, undetected.
 */
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/** Version tag of the sealed-field format; a new format gets a new tag, old ones stay readable. */
const ENVELOPE_VERSION = 'enc:v1';
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export function encrypt(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES }).setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

/** The inverse of `encrypt`, for `iv | tag | ciphertext`; any tampering or another AAD throws. */
export function decrypt(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new SealedDataError('Sealed data is too short to hold an IV and a tag');
  const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES })
    .setAAD(Buffer.from(aad, 'utf8'))
    .setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch (error) {
    throw new SealedDataError('Sealed data does not authenticate: altered, moved to another event, or sealed with another key', { cause: error });
  }
}

/**
 * A sealed value as stored in an event: `enc:v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url).
 * The header (version and key id) is part of the associated data, so it cannot be swapped.
 */
export function sealEnvelope(key: Buffer, keyId: string, plaintext: Buffer, aad: string): string {
  const header = `${ENVELOPE_VERSION}:${keyId}`;
  const sealed = encrypt(key, plaintext, `${header}|${aad}`);
  const parts = [sealed.subarray(0, IV_BYTES), sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES), sealed.subarray(IV_BYTES + TAG_BYTES)];
  return [header, ...parts.map((part) => part.toString('base64url'))].join(':');
}

/** The key id an envelope names, checked for shape before any key is looked up. */
export function envelopeKeyId(envelope: string): string {
  return parseEnvelope(envelope).keyId;
}

export function openEnvelope(key: Buffer, envelope: string, aad: string): Buffer {
  const { keyId, iv, tag, ciphertext } = parseEnvelope(envelope);
  return decrypt(key, Buffer.concat([iv, tag, ciphertext]), `${ENVELOPE_VERSION}:${keyId}|${aad}`);
}

function parseEnvelope(envelope: string) {
  const parts = envelope.split(':');
  if (parts.length !== 6 || `${parts[0]}:${parts[1]}` !== ENVELOPE_VERSION || !parts.slice(3).every((p) => BASE64URL.test(p)) || !parts[2]) {
    throw new SealedDataError(`Sealed value is not an ${ENVELOPE_VERSION} envelope`);
  }
  const [iv, tag, ciphertext] = parts.slice(3).map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SealedDataError(`Sealed value has a malformed IV or tag`);
  return { keyId: parts[2], iv, tag, ciphertext };
}
