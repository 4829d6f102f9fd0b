import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { decrypt, encrypt, envelopeKeyId, openEnvelope, sealEnvelope } from './data-cipher.js';
import { SealedDataError } from './privacy-errors.js';

const key = randomBytes(32);
const AAD = 'person-018f0000-0000-7000-8000-000000000001|018f0000-0000-7000-8000-0000000000e1';
const text = Buffer.from('{"note":"met at the station"}');

/** Flips one bit of the base64url part `index` (3: iv, 4: tag, 5: ciphertext) of an envelope. */
function flip(envelope: string, index: number): string {
  const parts = envelope.split(':');
  const bytes = Buffer.from(parts[index]!, 'base64url');
  bytes[0] = bytes[0]! ^ 1;
  parts[index] = bytes.toString('base64url');
  return parts.join(':');
}

describe('data cipher (AES-256-GCM)', () => {
  it('given a key and associated data, when sealed and opened, then the plaintext comes back, and nowhere in the envelope', () => {
    const envelope = sealEnvelope(key, 'person-key', text, AAD);
    expect(envelope).toMatch(/^enc:v1:person-key:[\w-]{16}:[\w-]{22}:[\w-]+$/);
    expect(envelope).not.toContain('station');
    expect(envelopeKeyId(envelope)).toBe('person-key');
    expect(openEnvelope(key, envelope, AAD)).toEqual(text);
  });

  it('uses a fresh IV each time: the same text sealed twice gives two envelopes', () => {
    expect(sealEnvelope(key, 'k', text, AAD)).not.toBe(sealEnvelope(key, 'k', text, AAD));
  });

  it.each([
    ['the ciphertext', 5],
    ['the tag', 4],
    ['the IV', 3],
  ])('refuses an envelope whose %s was altered', (_, index) => {
    const envelope = sealEnvelope(key, 'k', text, AAD);
    expect(() => openEnvelope(key, flip(envelope, index), AAD)).toThrow(SealedDataError);
  });

  it('refuses other associated data: an envelope moved to another event or stream does not open', () => {
    const envelope = sealEnvelope(key, 'k', text, AAD);
    expect(() => openEnvelope(key, envelope, AAD.replace('e1', 'e2'))).toThrow(/does not authenticate/);
    expect(() => openEnvelope(key, envelope, `person-other|${AAD.split('|')[1]}`)).toThrow(SealedDataError);
  });

  it('refuses another key, and a header naming another key id', () => {
    const envelope = sealEnvelope(key, 'k', text, AAD);
    expect(() => openEnvelope(randomBytes(32), envelope, AAD)).toThrow(SealedDataError);
    expect(() => openEnvelope(key, envelope.replace('enc:v1:k:', 'enc:v1:j:'), AAD)).toThrow(SealedDataError);
  });

  it.each(['enc:v2:k:a:b:c', 'plain text', 'enc:v1::AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:AA', 'enc:v1:k:AAAA:AAAAAAAAAAAAAAAAAAAAAA:AA'])(
    'refuses a malformed envelope (%s) before trying any key',
    (envelope) => {
      expect(() => openEnvelope(key, envelope, AAD)).toThrow(SealedDataError);
    },
  );

  it('wraps raw bytes the same way (data keys under the master key)', () => {
    const sealed = encrypt(key, text, 'aad');
    expect(decrypt(key, sealed, 'aad')).toEqual(text);
    expect(() => decrypt(key, sealed, 'other')).toThrow(SealedDataError);
    expect(() => decrypt(key, sealed.subarray(0, 20), 'aad')).toThrow(/too short/);
  });
});
