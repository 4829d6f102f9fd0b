import { expect } from '@jest/globals';
import type { EpisodeView, ParcoursView } from '@parcours/domain';

/**
 * What a parcours projection must show for Chris (DOMAIN.md §9), on the pure functions.
 * Used by the pure spec (test/parcours) and through the API and the projection (test/api).
 */
export function expectChrisParcours(view: ParcoursView): void {
  const id = (n: number) => `018f0000-0001-7000-8000-${String(n).padStart(12, '0')}`; // the fixture's event n
  const kinds = (episodes: readonly EpisodeView[]) => episodes.map((e) => `${e.kind} ${e.start.validTime.edtf} → ${e.end?.validTime.edtf ?? e.endStatus}`);

  // One open care episode from 2003; two admissions (2004, 2007); two CRF stays, the second ended early 2009.
  expect(kinds(view.lanes.care.episodes)).toEqual([
    'care_follow_up 2003 → open',
    'hospital_stay 2004 → unknown',
    'rehabilitation 2006 → 2006/2009-40',
    'relapse 2007 → unknown',
    'hospital_stay 2007 → unknown',
    'rehabilitation 2009-40 → 2009-40',
  ]);
  const secondCrf = view.lanes.care.episodes[5]!;
  expect(secondCrf.end!.details).toMatchObject({ outcome: 'interrupted', reason: 'instability, absences' });
  expect(view.lanes.care.episodes[4]!.start.details).toMatchObject({ kind: 'psychiatric', readmission: true });

  // 2007: training → failure → relapse → readmission, in that order though all four share the year.
  const in2007 = view.order.filter((eventId) => [id(7), id(8), id(9), id(10)].includes(eventId));
  expect(in2007).toEqual([id(7), id(8), id(9), id(10)]);
  expect(kinds(view.lanes.training.episodes)).toEqual(['training 2007 → 2007']);
  expect(view.lanes.training.episodes[0]!.end!.details).toMatchObject({ outcome: 'failed' });

  // The workshop, coaching, internship and hire in the employment lane from late 2009.
  expect(kinds(view.lanes.employment.episodes)).toEqual([
    'workshop 2009-41 → open',
    'job_coaching 2011 → open',
    'internship 2011 → 2011/2012',
    'job 2011/2012 → open',
  ]);
  expect(view.lanes.training.events.map((e) => e.type)).toEqual(['StudiesResumed']);

  // A first hire about 8 years after the first referral.
  expect(view.indicators.firstContact!.eventId).toBe(id(1));
  expect(view.indicators.firstHire!.eventId).toBe(id(18));
  expect(view.indicators.firstHire!.afterFirstContact.years).toBeGreaterThanOrEqual(7.5);
  expect(view.indicators.firstHire!.afterFirstContact.years).toBeLessThanOrEqual(9.5);
  expect(view.indicators.hospitalisations).toMatchObject({ count: 2, gaps: [expect.objectContaining({ min: 730, max: 1461 })] });

  // The employment-to-care hand-off of 2003 and the référent-to-workshop hand-off of late 2009.
  const referrals = view.articulations.filter((a) => a.kind === 'referral');
  expect(referrals.map((a) => [a.when.edtf, a.fromField, a.toField, a.successful])).toEqual([
    ['2003', 'employment', 'care', true],
    ['2009-41', 'care', 'employment', true],
  ]);
  expect(referrals[1]!.toEpisodeId).toBe(view.lanes.employment.episodes[0]!.episodeId);

  // Canvas periods "2000-2008" (#1-8 of DOMAIN.md §9) and "2009-2012" (#9-17).
  const periods = Object.fromEntries(view.periods.map((p) => [p.label, p.eventIds]));
  expect(periods['Parcours avant 2000']).toEqual([]);
  expect(periods['De 2000 à 2008 : projets Activation']).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(id));
  expect(periods['De 2009 à 2012 : projet actuel']).toEqual(expect.arrayContaining([11, 12, 13, 14, 15, 16, 17, 18, 19, 20].map(id)));
  expect(periods['De 2009 à 2012 : projet actuel']).toHaveLength(12);
}
