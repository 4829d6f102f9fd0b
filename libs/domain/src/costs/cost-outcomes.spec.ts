import { describe, expect, it } from '@jest/globals';
import { at, episode, person } from './cost-fixtures.test-support.js';
import { COST_OUTCOME_DEFINITIONS, COST_OUTCOMES, outcomeCounts, reachedOutcome } from './cost-outcomes.js';

const PROG = 'prog-article-23';
const cutoff = Date.parse('2012-12-31T23:59:59.999Z');
const member = (overrides: Parameters<typeof person>[1]) => ({ summary: person('p', overrides), entry: at('2009-41') });

describe('outcomes for cost per outcome', () => {
  it('every outcome has a written definition', () => {
    expect(Object.keys(COST_OUTCOME_DEFINITIONS).sort()).toEqual([...COST_OUTCOMES].sort());
  });

  it('given a hire after entry, then hired; given one before entry or after the cut-off, then not', () => {
    expect(reachedOutcome('hired', member({ episodes: [episode('job', '2011/2012', 'open')] }), cutoff)).toBe(true);
    expect(reachedOutcome('hired', member({ episodes: [episode('job', '2005', '2006')] }), cutoff)).toBe(false);
    expect(reachedOutcome('hired', member({ episodes: [episode('job', '2014', 'open')] }), cutoff)).toBe(false);
  });

  it('given a programme exit or a workshop exit to durable employment, then durable_exit; a transition job is not', () => {
    const exit = (destination: string) => member({ programmes: [{ programmeId: PROG, entered: at('2009-41'), exited: at('2012'), destination }] });
    expect(reachedOutcome('durable_exit', exit('durable_employment'), cutoff)).toBe(true);
    expect(reachedOutcome('durable_exit', exit('transition_employment'), cutoff)).toBe(false);
    const workshop = episode('workshop', '2009-41', '2011', { details: { destination: 'durable_employment' } });
    expect(reachedOutcome('durable_exit', member({ episodes: [workshop] }), cutoff)).toBe(true);
  });

  it('given a qualification or a completed training after entry, then those outcomes; a failed training is not', () => {
    expect(reachedOutcome('qualification', member({ qualifications: [at('2012-06')] }), cutoff)).toBe(true);
    const training = (outcome: string) => member({ episodes: [episode('training', '2010-01', '2010-12', { details: { outcome } })] });
    expect(reachedOutcome('training_completed', training('completed'), cutoff)).toBe(true);
    expect(reachedOutcome('training_completed', training('failed'), cutoff)).toBe(false);
  });

  it('counts each member once per outcome', () => {
    const twice = member({ episodes: [episode('job', '2010', '2010'), episode('job', '2011', 'open')] });
    expect(outcomeCounts([twice, member({})], cutoff)).toEqual({ hired: 1, durable_exit: 0, qualification: 0, training_completed: 0 });
  });
});
