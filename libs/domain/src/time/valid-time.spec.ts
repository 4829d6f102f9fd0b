import { describe, expect, it } from '@jest/globals';
import { certainlyBefore, InvalidValidTimeError, mayOverlap, parseValidTime } from './valid-time.js';

describe('valid time (EDTF)', () => {
  it.each([
    ['2003', '2003-01-01T00:00:00.000Z', '2003-12-31T23:59:59.999Z', 'year'],
    ['2011-03', '2011-03-01T00:00:00.000Z', '2011-03-31T23:59:59.999Z', 'month'],
    ['2004-06-11', '2004-06-11T00:00:00.000Z', '2004-06-11T23:59:59.999Z', 'day'],
    ['2009-40', '2009-01-01T00:00:00.000Z', '2009-06-30T23:59:59.999Z', 'season'],
    ['2009-41', '2009-07-01T00:00:00.000Z', '2009-12-31T23:59:59.999Z', 'season'],
    ['199X', '1990-01-01T00:00:00.000Z', '1999-12-31T23:59:59.999Z', 'decade'],
  ])('given %s, then its bounds are %s .. %s at %s precision', (edtf, lower, upper, precision) => {
    expect(parseValidTime(edtf)).toEqual({ edtf, lower, upper, precision, uncertain: false, approximate: false });
  });

  it('marks uncertain and approximate dates', () => {
    expect(parseValidTime('2007?')).toMatchObject({ uncertain: true, approximate: false, lower: '2007-01-01T00:00:00.000Z' });
    expect(parseValidTime('2007~')).toMatchObject({ uncertain: false, approximate: true });
  });

  it('parses intervals with open and unknown ends', () => {
    expect(parseValidTime('2011/2012')).toMatchObject({ lower: '2011-01-01T00:00:00.000Z', upper: '2012-12-31T23:59:59.999Z', precision: 'interval' });
    expect(parseValidTime('2003/..')).toMatchObject({ lower: '2003-01-01T00:00:00.000Z', upper: null });
    expect(parseValidTime('2003/')).toMatchObject({ lower: '2003-01-01T00:00:00.000Z', upper: null });
    expect(parseValidTime('../2009')).toMatchObject({ lower: null, upper: '2009-12-31T23:59:59.999Z' });
  });

  it.each(['', 'yesterday', '2011-13', '2011-02-30', '2012/2011', '/', 'early 2009'])('rejects %j naming the accepted forms', (text) => {
    expect(() => parseValidTime(text)).toThrow(InvalidValidTimeError);
    expect(() => parseValidTime(text)).toThrow(/accepted forms/);
  });

  it('compares vague dates on their bounds', () => {
    expect(mayOverlap(parseValidTime('2007'), parseValidTime('2007-06'))).toBe(true);
    expect(certainlyBefore(parseValidTime('2007'), parseValidTime('2007-06'))).toBe(false);
    expect(certainlyBefore(parseValidTime('2004'), parseValidTime('2009-40'))).toBe(true);
    expect(certainlyBefore(parseValidTime('2009-40'), parseValidTime('2009-41'))).toBe(true);
  });
});
