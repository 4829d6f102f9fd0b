import { describe, expect, it } from '@jest/globals';
import { qualificationsObtained, studiesResumed, trainingCompletion, trainingStatus } from './training-outcomes.js';
import { alike, at, episode, member, noon } from './outcome-fixtures.test-support.js';

const ENTRY = '2010-01-01';
const CUTOFF = noon('2011-12-31');
const training = (start: string, end: string | 'open' | 'unknown', outcome?: string) => episode('training', start, end, outcome ? { details: { outcome } } : {});

describe('training completion', () => {
  it('given trainings, then their status at the cut-off', () => {
    expect(trainingStatus(training('2010-02-01', '2010-06-01', 'completed'), CUTOFF)).toBe('completed');
    expect(trainingStatus(training('2010-02-01', '2010-06-01', 'abandoned'), CUTOFF)).toBe('abandoned');
    expect(trainingStatus(training('2011-09-01', '2012-06-01', 'failed'), CUTOFF)).toBe('ongoing');
    expect(trainingStatus(training('2011-09-01', 'open'), CUTOFF)).toBe('ongoing');
    expect(trainingStatus(training('2010-02-01', '2010-06-01'), CUTOFF)).toBe('unknown');
  });

  it('given 12 members with a completed and a failed training after entry, then completion 0.5; trainings before entry do not count', () => {
    const cohort = alike(12, () =>
      member(ENTRY, { episodes: [training('2008-01-01', '2008-06-01', 'failed'), training('2010-02-01', '2010-06-01', 'completed'), training('2010-09-01', '2011-03-01', 'failed')] }),
    );
    expect(trainingCompletion.compute(cohort, CUTOFF)).toEqual({
      trainings: { total: 24, counts: { completed: 12, failed: 12, abandoned: 0, ongoing: 0, unknown: 0 } },
      persons: { total: 12, counts: { with: 12, without: 0 } },
      completionShare: 0.5,
    });
  });

  it('given an abandoned training among them, then it is hidden, with another cell, and so is the share', () => {
    const cohort = [...alike(12, () => member(ENTRY, { episodes: [training('2010-02-01', '2010-06-01', 'completed')] })), member(ENTRY, { episodes: [training('2010-02-01', '2010-03-01', 'abandoned')] })];
    const value = trainingCompletion.compute(cohort, CUTOFF);
    expect(value.trainings.counts).toMatchObject({ completed: { suppressed: true, reason: 'complementary' }, abandoned: { suppressed: true, reason: 'small_cell' } });
    expect(value.completionShare).toEqual({ suppressed: true, reason: 'derived' });
  });
});

describe('qualifications and studies resumed', () => {
  it('given 11 of 22 members qualified after entry (one twice), then a share of 0.5 and 12 qualifications', () => {
    const cohort = [
      ...alike(10, () => member(ENTRY, { qualifications: [at('2011-06-01'), at('2009-01-01')] })),
      member(ENTRY, { qualifications: [at('2010-06-01'), at('2011-06-01')] }),
      ...alike(11, () => member(ENTRY, { qualifications: [at('2009-06-01')] })),
    ];
    expect(qualificationsObtained.compute(cohort, CUTOFF)).toEqual({ persons: { total: 22, counts: { with: 11, without: 11 } }, share: 0.5, occurrences: 12 });
  });

  it('given members without studies resumed, then zero; given decisions in the follow-up, then counted', () => {
    expect(studiesResumed.compute(alike(12, () => member(ENTRY)), CUTOFF)).toEqual({ persons: { total: 12, counts: { with: 0, without: 12 } }, share: 0, occurrences: 0 });
    const withStudies = alike(12, () => member(ENTRY, { studiesResumed: [at('2011-01-01')] }));
    expect(studiesResumed.compute(withStudies, CUTOFF)).toEqual({ persons: { total: 12, counts: { with: 12, without: 0 } }, share: 1, occurrences: 12 });
  });
});
