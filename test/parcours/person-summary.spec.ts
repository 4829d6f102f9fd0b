import { describe, expect, it } from '@jest/globals';
import { foldParcours, summarisePerson, toCents, type ParcoursInput } from '@parcours/domain';
import { ARTICLE_23_ID, chrisState } from '../support/chris-parcours.js';

describe("a person's summary for cohort views", () => {
  const summary = summarisePerson(chrisState());

  it("digests Chris's path: episodes with instants, the programme entry, referrals, consent", () => {
    expect(summary).toMatchObject({ gender: 'male', birthYear: null, erased: false, researchConsent: true, careSharingConsent: false });
    expect(summary.episodes.map((e) => `${e.kind}:${e.endStatus}`)).toEqual([
      'care_follow_up:open',
      'hospital_stay:unknown',
      'rehabilitation:ended',
      'training:ended',
      'relapse:unknown',
      'hospital_stay:unknown',
      'rehabilitation:ended',
      'workshop:open',
      'job_coaching:open',
      'internship:ended',
      'job:open',
    ]);
    const job = summary.episodes.find((e) => e.kind === 'job')!;
    expect(job.start).toEqual({ lower: Date.parse('2011-01-01T00:00:00.000Z'), upper: Date.parse('2012-12-31T23:59:59.999Z'), mid: expect.any(Number) });
    expect(summary.programmes).toEqual([{ programmeId: ARTICLE_23_ID, entered: expect.objectContaining({ lower: Date.parse('2009-07-01T00:00:00.000Z') }), exited: null, destination: null }]);
    expect(summary.referrals.map((r) => [r.fromField, r.followed])).toEqual([['employment', true], ['care', true]]);
    expect(JSON.stringify(summary)).not.toMatch(/identity|Les hospitalisations/);
  });

  it('given a withdrawal recorded after a consent but dated before it, then consent no longer stands (recording order, as access control)', () => {
    const events = [
      { type: 'PersonRegistered', data: { occurredAt: '2010', provenance: 'interview', pseudonym: 'P' } },
      { type: 'ConsentRecorded', data: { occurredAt: '2013', provenance: 'interview', scope: 'research' } },
      { type: 'ConsentWithdrawn', data: { occurredAt: '2012', provenance: 'interview', scope: 'research' } },
    ];
    const inputs = events.map((e, revision) => ({ ...e, eventId: `018f0000-0000-7000-8000-00000000000${revision}`, revision, recordedAt: `2026-01-0${revision + 1}T00:00:00.000Z` }) as unknown as ParcoursInput);
    expect(summarisePerson(foldParcours('018f0000-0000-7000-8000-0000000000aa', inputs)).researchConsent).toBe(false);
    expect(summarisePerson(foldParcours('018f0000-0000-7000-8000-0000000000aa', inputs.slice(0, 2))).researchConsent).toBe(true);
  });

  it('keeps money exact', () => {
    expect(toCents('23921')).toBe(2_392_100);
    expect(toCents('1619.5')).toBe(161_950);
    expect(toCents('0.07')).toBe(7);
  });
});
