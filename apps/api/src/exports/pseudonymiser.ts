import { createHmac, hkdfSync } from 'node:crypto';
import type { ExportKey } from './export-key.js';

/** Research project names: they derive the project's key, and appear in the metadata. */
export const PROJECT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** 20 base32 characters: 100 bits, so that even millions of persons never share a pseudonym. */
const PSEUDONYM_LENGTH = 20;

export const PSEUDONYM_METHOD =
  'HMAC-SHA-256 of the internal person id, keyed with the project key HKDF-SHA-256(export key, salt "parcours/research-export/v1", info "project:<name>"); ' +
  `the first ${PSEUDONYM_LENGTH * 5} bits in base32 (RFC 4648, lower case), prefixed with "p" so that no CSV reader takes a pseudonym for a number`;

/**
 * A project's pseudonymiser: the same person has the same pseudonym in every file of one project
 * (files link by id), and unrelated ones in two projects (they do not). Without the key, a
 * pseudonym cannot be traced back to the person, nor recomputed from a guessed id.
 */
export function projectPseudonymiser(key: ExportKey, project: string): (personId: string) => string {
  if (!PROJECT_PATTERN.test(project)) throw new RangeError(`Not a project name: ${project}`);
  const projectKey = Buffer.from(hkdfSync('sha256', key.secret, 'parcours/research-export/v1', `project:${project}`, 32));
  return (personId) => `p${base32(createHmac('sha256', projectKey).update(personId, 'utf8').digest()).slice(0, PSEUDONYM_LENGTH)}`;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}
