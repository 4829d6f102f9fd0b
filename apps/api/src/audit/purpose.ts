import { BadRequestParameterError } from '../application/application-errors.js';
import type { Role } from '../auth/principal.js';

/** Why each role reads individual data when the caller does not say (X-Purpose absent). */
export const DEFAULT_PURPOSES: Readonly<Record<Role, string>> = {
  caseworker: 'care follow-up',
  researcher: 'research',
  evaluator: 'evaluation',
  admin: 'administration',
};

/**
 * Printable ASCII only: header values are bytes, and Node reads non-ASCII ones as Latin-1, so
 * accented text would be stored garbled. Control characters could forge lines in exports of the
 * audit trail.
 */
const PRINTABLE = /^[\x20-\x7E]{1,200}$/;

export function purposeOf(header: string | string[] | undefined, role: Role): { purpose: string; declared: boolean } {
  if (header === undefined) return { purpose: DEFAULT_PURPOSES[role], declared: false };
  const value = Array.isArray(header) ? undefined : header.trim();
  if (value === undefined || !PRINTABLE.test(value)) {
    throw new BadRequestParameterError('X-Purpose', 'printable', 'must be one value of 1-200 printable ASCII characters saying why the data is read');
  }
  return { purpose: value, declared: true };
}
