import { describe, expect, it } from '@jest/globals';
import { contractMix, labourMarket, longestJobTenure } from './job-outcomes.js';
import { alike, episode, member, noon, plusDays } from './outcome-fixtures.test-support.js';

const ENTRY = '2010-01-01';
const CUTOFF = noon('2010-12-31');
const hidden = (reason: string) => ({ suppressed: true, reason });

describe('longest job tenure', () => {
  it('given overlapping jobs, an open one to the cut-off, then the longest counts; jobs before entry do not', () => {
    const m = member(ENTRY, {
      episodes: [episode('job', '2005-01-01', '2009-12-01'), episode('job', '2010-02-01', '2010-05-02'), episode('job', '2010-04-01', 'open')],
    });
    // 1 Apr → 31 Dec 2010 (the cut-off) = 274 days; 1 Feb → 2 May = 90 days.
    const value = longestJobTenure.compute(alike(11, () => m), CUTOFF);
    expect(value).toEqual({ persons: { total: 11, counts: { with: 11, without: 0 } }, medianDays: 274, includesUnknownEnds: false });
  });

  it('given 11 members with tenures of 10, 20 … 110 days, then the median is 60', () => {
    const cohort = alike(11, (i) => member(ENTRY, { episodes: [episode('job', plusDays(ENTRY, 5), plusDays(ENTRY, 5 + 10 * (i + 1)))] }));
    expect(longestJobTenure.compute(cohort, CUTOFF).medianDays).toBe(60);
  });

  it('given a job ending after the cut-off or with an unknown end, then counted to the cut-off, or 0 days and flagged', () => {
    const late = alike(11, () => member(ENTRY, { episodes: [episode('job', '2010-12-01', '2011-06-01')] }));
    expect(longestJobTenure.compute(late, CUTOFF).medianDays).toBe(30);
    const unknown = alike(11, () => member(ENTRY, { episodes: [episode('job', '2010-12-01', 'unknown')] }));
    expect(longestJobTenure.compute(unknown, CUTOFF)).toMatchObject({ medianDays: 0, includesUnknownEnds: true });
  });

  it('given fewer than 11 members with a job, then no median', () => {
    const cohort = [...alike(5, () => member(ENTRY, { episodes: [episode('job', '2010-03-01', 'open')] })), ...alike(20, () => member(ENTRY))];
    expect(longestJobTenure.compute(cohort, CUTOFF)).toEqual({
      persons: { total: 25, counts: { with: hidden('small_cell'), without: hidden('complementary') } },
      medianDays: hidden('derived'),
      includesUnknownEnds: false,
    });
  });
});

describe('contract mix and labour market of the first job after entry', () => {
  const hire = (contract: string | null, labourMarket: string | null, later: ReturnType<typeof episode>[] = []) =>
    member(ENTRY, {
      episodes: [
        episode('job', '2010-03-01', '2010-06-01', { details: { ...(contract ? { contract } : {}), ...(labourMarket ? { labourMarket } : {}) } }),
        ...later,
      ],
    });
  const cohort = [
    // The later CDI does not change the first job's contract.
    ...alike(13, () => hire('cdd', 'first', [episode('job', '2010-09-01', 'open', { details: { contract: 'cdi', labourMarket: 'first' } })])),
    ...alike(11, () => hire('cdi', 'second')),
    ...alike(2, () => hire(null, null)),
    ...alike(4, () => member(ENTRY)),
  ];

  it('given 26 hired, then contracts by first job; 2 unrecorded hide the next smallest cell (11)', () => {
    const value = contractMix.compute(cohort, CUTOFF);
    expect(value.persons.total).toBe(26);
    expect(value.persons.counts).toMatchObject({ cdd: 13, cdi: hidden('complementary'), unknown: hidden('small_cell'), temp: 0 });
    expect(value.shares).toMatchObject({ cdd: 0.5, cdi: hidden('derived'), temp: 0 });
  });

  it('given the same members, then first vs second labour market', () => {
    expect(labourMarket.compute(cohort, CUTOFF).persons).toEqual({ total: 26, counts: { first: 13, second: hidden('complementary'), unknown: hidden('small_cell') } });
  });
});
