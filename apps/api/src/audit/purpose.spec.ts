import { describe, expect, it } from '@jest/globals';
import { BadRequestParameterError } from '../application/application-errors.js';
import { purposeOf } from './purpose.js';

describe('the purpose of a read (X-Purpose)', () => {
  it('defaults to the role: care follow-up for caseworkers, research for researchers', () => {
    expect(purposeOf(undefined, 'caseworker')).toEqual({ purpose: 'care follow-up', declared: false });
    expect(purposeOf(undefined, 'researcher')).toEqual({ purpose: 'research', declared: false });
  });

  it('keeps what the caller says, trimmed', () => {
    expect(purposeOf('  case review, meeting of 3 March  ', 'caseworker')).toEqual({ purpose: 'case review, meeting of 3 March', declared: true });
    expect(purposeOf('x'.repeat(200), 'researcher').purpose).toHaveLength(200);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['too long', 'x'.repeat(201)],
    ['a control character', 'review\u0007'],
    ['a line break', 'review\nforged line'],
    ['non-ASCII', 'suivi séjour'],
  ])('refuses %s, naming the header', (_, value) => {
    expect(() => purposeOf(value, 'caseworker')).toThrow(BadRequestParameterError);
    expect(() => purposeOf(value, 'caseworker')).toThrow(/^X-Purpose: must be one value of 1-200 printable ASCII characters/);
  });

  it('refuses the header given twice', () => {
    expect(() => purposeOf(['care', 'research'], 'caseworker')).toThrow(BadRequestParameterError);
  });
});
