import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseValidTime } from '@parcours/domain';
import { dayOf, lastDayOfYear } from './calendar.js';
import { type DateStyle, renderDay, renderShared } from './edtf-render.js';
import { Rng } from './random.js';

const STYLES: DateStyle[] = [
  'year', 'month', 'day', 'datetime', 'half', 'quarter', 'season', 'uncertainYear', 'approximateYear', 'uncertainApproximateYear',
  'approximateMonth', 'uncertainDay', 'unspecifiedDay', 'decade', 'interval', 'openEnd', 'openStart',
];
const window = { min: dayOf(1995), max: lastDayOfYear(2024) };
const iso = (day: number) => new Date(day * 86_400_000).toISOString();
const endOf = (day: number) => new Date((day + 1) * 86_400_000 - 1).toISOString();

/** The property every generated end relies on not to fall before its start: a vague date contains the true day. */
function contains(edtf: string, first: number, last = first): boolean {
  const t = parseValidTime(edtf);
  // A time of day is a point inside the day, not the whole day.
  if (t.precision === 'time') return t.lower! >= iso(first) && t.upper! <= endOf(last) && first === last;
  return (t.lower === null || t.lower <= iso(first)) && (t.upper === null || t.upper >= endOf(last));
}

describe('EDTF rendering', () => {
  it('every style gives a valid EDTF date whose bounds contain the true day', () => {
    fc.assert(
      fc.property(fc.integer({ min: window.min, max: window.max }), fc.constantFrom(...STYLES), fc.integer(), (day, style, seed) => {
        const text = renderDay(day, style, new Rng(seed), window);
        expect(contains(text, day)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('a shared coarse date contains every day of the facts told together', () => {
    fc.assert(
      fc.property(fc.integer({ min: window.min, max: window.max - 800 }), fc.integer({ min: 0, max: 800 }), fc.integer(), (first, span, seed) => {
        expect(contains(renderShared(first, first + span, new Rng(seed)), first, first + span)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps interval bounds inside the window', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 500; i += 1) {
      const t = parseValidTime(renderDay(window.min + (i % 40), 'interval', rng, window));
      expect(t.lower === null || t.lower >= iso(window.min)).toBe(true);
    }
  });
});
