import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { plainDate } from './plain-dates.js';
import { parseValidTimeWithGrammar } from './valid-time.js';

describe('plain dates without the EDTF grammar', () => {
  it('agree with the grammar on every year, month and day, with and without qualifiers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 2999 }),
        fc.option(fc.integer({ min: 1, max: 12 })),
        fc.option(fc.integer({ min: 1, max: 31 })),
        fc.constantFrom('', '?', '~', '%'),
        (year, month, day, qualifier) => {
          const text = `${year}${month !== null ? `-${String(month).padStart(2, '0')}${day !== null ? `-${String(day).padStart(2, '0')}` : ''}` : ''}${qualifier}`;
          const fast = plainDate(text);
          let slow: ReturnType<typeof parseValidTimeWithGrammar> | undefined;
          try {
            slow = parseValidTimeWithGrammar(text);
          } catch {
            slow = undefined;
          }
          if (fast === undefined) return; // left to the grammar: nothing to compare
          expect(slow).toBeDefined();
          expect({ edtf: text, ...fast }).toEqual(slow);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('agree with the grammar on seasons, UTC date-times, unspecified day digits and decades', () => {
    const two = (n: number) => String(n).padStart(2, '0');
    const text = fc.oneof(
      fc.tuple(fc.integer({ min: 900, max: 2999 }), fc.integer({ min: 19, max: 43 })).map(([y, s]) => `${String(y).padStart(4, '0')}-${s}`),
      fc
        .tuple(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.option(fc.integer({ min: 0, max: 999 })))
        .map(([y, mo, d, h, mi, s, ms]) => `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}${ms === null ? '' : `.${String(ms).padStart(3, '0')}`}Z`),
      fc.tuple(fc.integer({ min: 1000, max: 2999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 3 })).map(([y, mo, t]) => `${y}-${two(mo)}-${t}X`),
      fc.integer({ min: 90, max: 299 }).map((d) => `${String(d).padStart(3, '0')}X`),
    );
    let fastPaths = 0;
    fc.assert(
      fc.property(text, (value) => {
        const fast = plainDate(value);
        if (fast === undefined) return; // left to the grammar
        fastPaths += 1;
        expect({ edtf: value, ...fast }).toEqual(parseValidTimeWithGrammar(value));
      }),
      { numRuns: 3000 },
    );
    expect(fastPaths).toBeGreaterThan(1500);
  });

  it('leaves qualified seasons, offsets, partial qualifiers, invalid days and early years to the grammar', () => {
    for (const text of ['2009-40?', '2011-02-30', '0050', '0999-21', '2007?-03', '2011-03-15T10:00:00+02:00', '2011-03-15T10:00Z', '2008-02-3X', '2000-1X']) {
      expect(plainDate(text)).toBeUndefined();
    }
  });
});
