import { describe, expect, it } from '@jest/globals';
import { renderParcours } from '@parcours/domain';
import { expectChrisParcours } from '../support/expect-chris-parcours.js';
import { article23Canvas, chrisState } from '../support/chris-parcours.js';


describe("Chris's parcours (pure projection)", () => {
  it('shows the lanes, the 2007 order, open and unknown ends, articulations, periods and the time to first hire', () => {
    expectChrisParcours(renderParcours(chrisState(), { now: new Date('2012-11-30T00:00:00Z'), programmes: [article23Canvas] }));
  });

  it('as lived at the end of 2008: no workshop yet, the care follow-up open, no first hire', () => {
    const view = renderParcours(chrisState(), { asLivedAt: '2008', now: new Date('2012-11-30T00:00:00Z'), programmes: [article23Canvas] });
    expect(view.lanes.employment.episodes).toEqual([]);
    expect(view.indicators.firstHire).toBeNull();
    expect(view.lanes.care.episodes.map((e) => e.kind)).toEqual(['care_follow_up', 'hospital_stay', 'rehabilitation', 'relapse', 'hospital_stay']);
    // The first CRF stay's end (2006/2009-40) may have happened by then: it is shown.
    expect(view.lanes.care.episodes[2]!.endStatus).toBe('ended');
  });

  it('never shows the identity block', () => {
    const view = renderParcours(chrisState(), { now: new Date('2012-11-30T00:00:00Z') });
    expect(JSON.stringify(view)).not.toContain('identity');
  });
});
