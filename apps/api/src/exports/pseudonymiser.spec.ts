import { describe, expect, it } from '@jest/globals';
import { exportKeyFrom, ExportKeyError } from './export-key.js';
import { projectPseudonymiser } from './pseudonymiser.js';

const keyA = exportKeyFrom({ PARCOURS_EXPORT_KEY: Buffer.alloc(32, 1).toString('base64') });
const keyB = exportKeyFrom({ PARCOURS_EXPORT_KEY: Buffer.alloc(32, 2).toString('base64') });
const ids = ['018f0000-0001-7000-8000-000000000001', '018f0000-0001-7000-8000-000000000002', '018f0000-0001-7000-8000-000000000003'];

describe('research pseudonyms', () => {
  it('given the same key and project, then the same person always gets the same pseudonym', () => {
    expect(ids.map(projectPseudonymiser(keyA, 'alpha'))).toEqual(ids.map(projectPseudonymiser(keyA, 'alpha')));
  });

  it('given another project or another key, then every pseudonym differs', () => {
    const alpha = ids.map(projectPseudonymiser(keyA, 'alpha'));
    for (const other of [ids.map(projectPseudonymiser(keyA, 'beta')), ids.map(projectPseudonymiser(keyB, 'alpha'))]) {
      expect(other.filter((p) => alpha.includes(p))).toEqual([]);
    }
  });

  it('is never the internal id nor any part of it, and reads as text: "p" then 20 base32 characters', () => {
    for (const id of ids) {
      const pseudonym = projectPseudonymiser(keyA, 'alpha')(id);
      expect(pseudonym).toMatch(/^p[a-z2-7]{20}$/);
      for (const part of id.split('-')) expect(pseudonym).not.toContain(part);
    }
  });

  it('refuses project names that are not plain names', () => {
    expect(() => projectPseudonymiser(keyA, '')).toThrow(RangeError);
    expect(() => projectPseudonymiser(keyA, '../alpha')).toThrow(RangeError);
  });
});

describe('the export key (PARCOURS_EXPORT_KEY)', () => {
  it('given none, then a random key for this process, not stable: two processes disagree', () => {
    const one = exportKeyFrom({});
    const two = exportKeyFrom({});
    expect(one.stable).toBe(false);
    expect(projectPseudonymiser(one, 'alpha')(ids[0]!)).not.toBe(projectPseudonymiser(two, 'alpha')(ids[0]!));
  });

  it('given a base64 secret of 32 bytes or more, then a stable key', () => {
    expect(keyA.stable).toBe(true);
    expect(keyA.secret).toHaveLength(32);
  });

  it('given a malformed or short secret, then a refusal rather than weak pseudonyms', () => {
    expect(() => exportKeyFrom({ PARCOURS_EXPORT_KEY: 'not base64!' })).toThrow(ExportKeyError);
    expect(() => exportKeyFrom({ PARCOURS_EXPORT_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/at least 32 bytes/);
  });
});
