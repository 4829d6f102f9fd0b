import { describe, expect, it } from '@jest/globals';
import { catalogueEntry, EPISODE_START_OF, PERSON_EVENT_TYPES } from '../events.js';

describe('the person event catalogue', () => {
  it.each(PERSON_EVENT_TYPES)('%s: its example satisfies its schema', (type) => {
    const entry = catalogueEntry(type);
    const result = entry.schema.safeParse(entry.example);
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('pairs every episode end with exactly one start of the same kind', () => {
    const ends = PERSON_EVENT_TYPES.filter((t) => catalogueEntry(t).episode?.role === 'end');
    expect(ends.length).toBeGreaterThanOrEqual(13);
    for (const end of ends) expect(EPISODE_START_OF[end]).toBeDefined();
    const kinds = PERSON_EVENT_TYPES.filter((t) => catalogueEntry(t).episode?.role === 'start').map((t) => catalogueEntry(t).episode!.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it('covers the whole of DOMAIN.md §4', () => {
    expect(PERSON_EVENT_TYPES).toEqual(
      expect.arrayContaining([
        'PersonRegistered', 'ReferralMade', 'ReferentAssigned', 'ReferentChanged', 'LostToFollowUp', 'FollowUpResumed', 'ConsentRecorded',
        'ConsentWithdrawn', 'CareEpisodeStarted', 'CareEpisodeEnded', 'HospitalAdmitted', 'HospitalDischarged', 'HospitalisationAverted',
        'RehabilitationStarted', 'RehabilitationEnded', 'SubstitutionTreatmentStarted', 'SubstitutionTreatmentStopped', 'RelapseOccurred',
        'RelapseContained', 'TrainingStarted', 'TrainingEnded', 'QualificationObtained', 'StudiesResumed', 'WorkshopEntered', 'WorkshopExited',
        'JobCoachAssigned', 'JobCoachingEnded', 'InternshipStarted', 'InternshipEnded', 'Hired', 'EmploymentEnded', 'CooperativeStageChanged',
        'PeerRoleStarted', 'PeerRoleEnded', 'BusinessCreated', 'HousingStatusChanged', 'IncomeSourceChanged', 'Incarcerated', 'Released',
        'JusticeMeasureStarted', 'JusticeMeasureEnded', 'ArticulationAssessed', 'NarrativeRecorded', 'CostRecorded', 'EventCorrected', 'EventRetracted', 'ProgrammeEntered', 'ProgrammeExited',
      ]),
    );
  });
});
