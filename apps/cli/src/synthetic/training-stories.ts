import { MONTH } from './calendar.js';
import { relapse } from './care-stories.js';
import { recordCost } from './costs.js';
import type { Episode, PathBuilder } from './path-builder.js';
import { refer } from './referrals.js';
import type { Story } from './story.js';
import { services, TRAININGS } from './vocabulary.js';

/** A training (L807): completed, failed or abandoned; a failure is often followed by a relapse and a readmission the same year. */
export const training: Story = {
  name: 'training',
  weight: (b) => (b.openOf('training') || b.lost || b.profile.ageAtEntry > 50 ? 0 : 0.9),
  run: (b) => void startTraining(b),
};

export function startTraining(b: PathBuilder, qualifying = b.rng.chance(0.5)): Episode | undefined {
  if (b.openOf('training')) return undefined;
  const title = b.rng.pick(TRAININGS);
  const organisation = services.trainingCentre(b.profile.place);
  let episode!: Episode;
  b.together(() => {
    if (b.rng.chance(0.3)) refer(b, { to: organisation, fromField: 'employment' });
    episode = b.start('training', 'TrainingStarted', { setting: b.rng.chance(0.35) ? 'adapted' : 'ordinary', qualifying, title }, { organisation });
  });
  if (b.rng.chance(0.92)) b.schedule(b.rng.int(6, 18 * 4) * 7, (later) => endTraining(later, episode, qualifying, title));
  else b.leaveUnended(episode);
  return episode;
}

function endTraining(b: PathBuilder, episode: Episode, qualifying: boolean, title: string): void {
  const outcome = b.rng.weighted([['completed', 45], ['failed', 30], ['abandoned', 25]] as const);
  b.together(() => {
    b.end(episode, 'TrainingEnded', { outcome });
    if (outcome === 'completed' && qualifying && b.rng.chance(0.8)) {
      b.emit('QualificationObtained', { title: `${title} certificate`, ...(b.rng.chance(0.5) ? { level: b.rng.pick(['EQF 3', 'EQF 4', 'CAP', 'CQP']) } : {}) }, {
        day: b.day + b.rng.int(0, 2 * MONTH),
      });
    }
    if (outcome !== 'completed' && b.rng.chance(0.45)) relapse(b, 'during_training', b.day + b.rng.int(2, 45));
  });
  if (b.rng.chance(0.3)) recordCost(b, episode, b.day - episode.startDay + 1);
}

/** "Il décide de reprendre des études" (L820): a decision, sometimes followed by a qualifying training. */
export const studiesResumed: Story = {
  name: 'studiesResumed',
  weight: (b) => (b.lost ? 0 : b.openOf('job') ? 0.15 : 0.08),
  run(b) {
    b.together(() => {
      b.emit('StudiesResumed', { title: b.rng.pick(['web-master studies', 'secondary school diploma', 'nursing school entrance', 'university access course', 'accounting evening classes']) });
      if (b.rng.chance(0.4)) startTraining(b, true);
    });
  },
};
