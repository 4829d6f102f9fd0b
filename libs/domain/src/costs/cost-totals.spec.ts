import { describe, expect, it } from '@jest/globals';
import { endOf, episode, person, tariff } from './cost-fixtures.test-support.js';
import type { CostLine } from './cost-line.js';
import { costLines } from './cost-lines.js';
import { costTotals } from './cost-totals.js';
import { divideHalfEven, medianCents } from './money.js';

const line = (personId: string, amount: number, extra: Partial<CostLine> = {}): CostLine => ({
  personId,
  field: 'care',
  category: 'care',
  funder: 'Region',
  year: 2010,
  amountCents: { mid: amount, min: amount - 10, max: amount + 10 },
  currency: 'EUR',
  source: 'tariff',
  endUnknown: false,
  illustrative: true,
  ...extra,
});

describe('rounding', () => {
  it.each([
    [5, 2, 2],
    [7, 2, 4],
    [10, 4, 2],
    [14, 4, 4],
    [1, 3, 0],
    [2, 3, 1],
    [0, 7, 0],
  ])('%i ÷ %i rounds half to even: %i', (n, d, expected) => {
    expect(divideHalfEven(n, d)).toBe(expected);
  });

  it('refuses floats and a zero denominator', () => {
    expect(() => divideHalfEven(1.5, 2)).toThrow(RangeError);
    expect(() => divideHalfEven(1, 0)).toThrow(RangeError);
  });

  it('takes the median of an even count as the half-even mean of the middle two', () => {
    expect(medianCents([4, 1, 3])).toBe(3);
    expect(medianCents([1, 2, 3, 6])).toBe(2); // (2 + 3) / 2 = 2.5 → 2
    expect(medianCents([1, 3, 5, 6])).toBe(4); // (3 + 5) / 2
  });
});

describe('cost totals', () => {
  const lines = [line('a', 100), line('a', 50, { field: 'employment', year: 2011 }), line('b', 300), line('c', 1001, { funder: 'State', year: 2011 })];

  it('given lines of three persons, when grouped by field, then amounts add per group with the persons contributing and their mean and median', () => {
    expect(costTotals(lines, 'field')).toEqual([
      // care: a 100, b 300, c 1001 → 1401; mean 1401 / 3 = 467; median 300.
      { key: 'care', currency: 'EUR', amountCents: { mid: 1401, min: 1371, max: 1431 }, persons: 3, perPerson: { mean: { mid: 467, min: 457, max: 477 }, median: { mid: 300, min: 290, max: 310 } } },
      { key: 'employment', currency: 'EUR', amountCents: { mid: 50, min: 40, max: 60 }, persons: 1, perPerson: { mean: { mid: 50, min: 40, max: 60 }, median: { mid: 50, min: 40, max: 60 } } },
    ]);
  });

  it('groups by funder, year, person and the whole cohort', () => {
    expect(costTotals(lines, 'funder').map((g) => [g.key, g.amountCents.mid, g.persons])).toEqual([['Region', 450, 2], ['State', 1001, 1]]);
    expect(costTotals(lines, 'year').map((g) => [g.key, g.amountCents.mid, g.persons])).toEqual([['2010', 400, 2], ['2011', 1051, 2]]);
    expect(costTotals(lines, 'person').map((g) => [g.key, g.amountCents.mid])).toEqual([['a', 150], ['b', 300], ['c', 1001]]);
    // Per person: a 150, b 300, c 1001 → mean 1451 / 3 = 483.67 → 484; median 300.
    expect(costTotals(lines, 'cohort')).toEqual([
      { key: 'cohort', currency: 'EUR', amountCents: { mid: 1451, min: 1411, max: 1491 }, persons: 3, perPerson: { mean: { mid: 484, min: 470, max: 497 }, median: { mid: 300, min: 290, max: 310 } } },
    ]);
  });

  it('groups lines without an organisation under "unknown"', () => {
    expect(costTotals([line('a', 1), line('b', 2, { organisationId: 'org-1' })], 'organisation').map((g) => g.key)).toEqual(['org-1', 'unknown']);
  });

  it('given tariffs in two currencies, then amounts are never added across currencies', () => {
    const tariffs = [
      tariff('eur', { episodeKind: 'care_follow_up', amountCents: 500, currency: 'EUR' }),
      tariff('chf', { episodeKind: 'care_follow_up', amountCents: 700, currency: 'CHF', organisationId: 'org-geneva', funder: 'Canton de Genève' }),
    ];
    const liege = person('a', { episodes: [episode('care_follow_up', '2010-01-01', '2010-01-10')] });
    const geneva = person('b', { episodes: [episode('care_follow_up', '2010-01-01', '2010-01-02', { organisationId: 'org-geneva' })] });
    const lines = [...costLines(liege, tariffs, endOf(2012)), ...costLines(geneva, tariffs, endOf(2012))];
    // Geneva's follow-up is priced by both payers: the canton in CHF, the region in EUR.
    expect(costTotals(lines, 'field').map((g) => [g.currency, g.key, g.amountCents.mid, g.persons])).toEqual([
      ['CHF', 'care', 1400, 1],
      ['EUR', 'care', 6000, 2],
    ]);
  });
});
