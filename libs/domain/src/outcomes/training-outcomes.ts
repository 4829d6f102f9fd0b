import type { Instant, PersonSummary, SummaryEpisode } from '../analytics/person-summary.js';
import type { CohortMember } from '../cohorts/membership.js';
import { TRAINING_OUTCOMES } from '../person/events.js';
import type { CellValue, ProtectedValue } from '../statistics/index.js';
import { indicator } from './indicator.js';
import { inFollowUp } from './outcome-time.js';
import { publishBreakdown, publishCount, publishPersons, shareOf, type PublishedBreakdown } from './publication.js';

export type TrainingStatus = 'completed' | 'failed' | 'abandoned' | 'ongoing' | 'unknown';

/** A training's status at the cut-off: its recorded outcome once ended, ongoing if it still runs then. */
export function trainingStatus(training: SummaryEpisode, cutoff: number): TrainingStatus {
  if (training.endStatus === 'unknown') return 'unknown';
  if (training.endStatus === 'open' || training.end === null || training.end.mid > cutoff) return 'ongoing';
  const outcome = training.details['outcome'];
  return (TRAINING_OUTCOMES as readonly unknown[]).includes(outcome) ? (outcome as TrainingStatus) : 'unknown';
}

export interface TrainingCompletion {
  /** Trainings started in the follow-up, by status at the cut-off. */
  readonly trainings: PublishedBreakdown<TrainingStatus>;
  readonly persons: PublishedBreakdown<'with' | 'without'>;
  /** Completed among the trainings ended completed, failed or abandoned. */
  readonly completionShare: ProtectedValue | null;
}

export const trainingCompletion = indicator({
  name: 'trainingCompletion',
  version: 1,
  definition:
    'Trainings starting in the follow-up (start midpoint between entry and cut-off), by status at the cut-off: completed, failed or abandoned (the recorded outcome of an end at or before the cut-off), ongoing (open, or ending after the cut-off), unknown (end or outcome not recorded); completion share = completed among completed, failed and abandoned.',
  compute(members: readonly CohortMember[], cutoff: number): TrainingCompletion {
    const counts: Record<TrainingStatus, number> = { completed: 0, failed: 0, abandoned: 0, ongoing: 0, unknown: 0 };
    let withTraining = 0;
    for (const member of members) {
      const trainings = member.summary.episodes.filter((e) => e.kind === 'training' && inFollowUp(e.start, member, cutoff));
      if (trainings.length) withTraining += 1;
      for (const t of trainings) counts[trainingStatus(t, cutoff)] += 1;
    }
    const trainings = publishBreakdown(counts, { persons: withTraining });
    return { trainings, persons: publishPersons(withTraining, members.length), completionShare: shareOf(trainings, 'completed', ['ongoing', 'unknown']) };
  },
});

export interface PersonsReaching {
  readonly persons: PublishedBreakdown<'with' | 'without'>;
  readonly share: ProtectedValue | null;
  /** How many times it happened (several per person possible). */
  readonly occurrences: CellValue;
}

function personsReaching(members: readonly CohortMember[], cutoff: number, dates: (summary: PersonSummary) => readonly Instant[]): PersonsReaching {
  let reached = 0;
  let occurrences = 0;
  for (const member of members) {
    const n = dates(member.summary).filter((d) => inFollowUp(d, member, cutoff)).length;
    occurrences += n;
    if (n) reached += 1;
  }
  const persons = publishPersons(reached, members.length);
  return { persons, share: shareOf(persons, 'with'), occurrences: publishCount(occurrences, { persons: reached }) };
}

export const qualificationsObtained = indicator({
  name: 'qualificationsObtained',
  version: 1,
  definition: 'Members with at least one qualification obtained (QualificationObtained) in the follow-up, among all members; and the number of qualifications obtained.',
  compute: (members: readonly CohortMember[], cutoff: number): PersonsReaching => personsReaching(members, cutoff, (s) => s.qualifications),
});

export const studiesResumed = indicator({
  name: 'studiesResumed',
  version: 1,
  definition: 'Members who resumed studies (StudiesResumed) in the follow-up, among all members; and the number of such decisions.',
  compute: (members: readonly CohortMember[], cutoff: number): PersonsReaching => personsReaching(members, cutoff, (s) => s.studiesResumed),
});
