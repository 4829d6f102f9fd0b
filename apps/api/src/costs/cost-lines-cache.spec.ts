import { describe, expect, it } from '@jest/globals';
import type { LoadedCohort } from '../cohorts/cohort-analytics.js';
import { at, episode, person, tariff } from '../../../../libs/domain/src/costs/cost-fixtures.test-support.js';
import { CostLinesCache } from './cost-lines-cache.js';

const cutoff = Date.parse('2012-12-31T23:59:59.999Z');
const tariffs = { position: 't1', all: [tariff('care', { episodeKind: 'care_follow_up', amountCents: 500 })] };
const member = (id: string, revision: number) => ({ entry: at('2012-01'), summary: person(id, { revision, episodes: [episode('care_follow_up', '2012-12-22', 'open')] }) });
const loaded = (members: ReturnType<typeof member>[], at = cutoff): LoadedCohort =>
  ({ cohortId: 'c', definition: { name: 'c', entryRule: 'first_contact' }, retired: false, members, cutoff: at, position: 'p' }) as LoadedCohort;

describe('the cost lines cache', () => {
  it('given a new checkpoint where one person changed, then only that person is costed again', () => {
    const cache = new CostLinesCache();
    const first = cache.linesOf(loaded([member('a', 1), member('b', 1)]), tariffs, 'path');
    const second = cache.linesOf(loaded([member('a', 1), member('b', 2)]), tariffs, 'path');
    expect(second.map((l) => l.personId)).toEqual(['a', 'b']);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
  });

  it('given the same members object, then the same lines; given new tariffs or another cut-off day, then everyone again', () => {
    const cache = new CostLinesCache();
    const cohort = loaded([member('a', 1)]);
    const first = cache.linesOf(cohort, tariffs, 'path');
    expect(cache.linesOf(cohort, tariffs, 'path')).toBe(first);
    expect(cache.linesOf(loaded([member('a', 1)]), { ...tariffs, position: 't2' }, 'path')[0]).not.toBe(first[0]);
    const later = cache.linesOf(loaded([member('a', 1)], cutoff - 86_400_000), { ...tariffs, position: 't2' }, 'path');
    expect(later[0]!.amountCents.mid).toBe(4500);
  });

  it('drops persons who left the cohort', () => {
    const cache = new CostLinesCache();
    cache.linesOf(loaded([member('a', 1), member('b', 1)]), tariffs, 'path');
    expect(cache.linesOf(loaded([member('b', 1)]), tariffs, 'path').map((l) => l.personId)).toEqual(['b']);
  });
});
