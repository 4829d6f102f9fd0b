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

  it('leaves seasons, unspecified digits, invalid days and early years to the grammar', () => {
    for (const text of ['2009-40', '2009-21', '199X', '2011-02-30', '0050', '2007?-03', '2011-03-15T10:00:00Z']) expect(plainDate(text)).toBeUndefined();
  });
});
