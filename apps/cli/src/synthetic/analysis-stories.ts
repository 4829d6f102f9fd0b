import type { PathBuilder } from './path-builder.js';
import type { Story } from './story.js';
import { BRAKES, FACILITATORS, NARRATIVES } from './vocabulary.js';

/** What an interview says without dates (L821). */
export function narrate(b: PathBuilder): void {
  b.emit('NarrativeRecorded', { text: b.rng.pick(NARRATIVES) }, { provenance: 'interview' });
}

export const narrative: Story = {
  name: 'narrative',
  weight: () => 0.2,
  run: narrate,
};

/** An assessed hand-off between two episodes of different kinds, in the order they started (L853-857). */
export function assessArticulation(b: PathBuilder): void {
  const from = b.rng.pick(b.episodes);
  const later = b.episodes.filter((e) => e.kind !== from.kind && e.startDay >= from.startDay);
  if (!later.length) return;
  const to = b.rng.pick(later);
  const successful = b.rng.chance(0.55);
  const some = (items: readonly string[], max: number) => [...new Set(Array.from({ length: b.rng.int(0, max) }, () => b.rng.pick(items)))];
  b.emit(
    'ArticulationAssessed',
    {
      fromEpisodeId: from.episodeId,
      toEpisodeId: to.episodeId,
      successful,
      brakes: some(BRAKES, successful ? 1 : 3),
      facilitators: some(FACILITATORS, successful ? 3 : 1),
      assessor: b.rng.pick(['researcher', 'référent', 'caseworker']),
    },
    { provenance: 'interview' },
  );
}

export const articulation: Story = {
  name: 'articulation',
  weight: (b) => (b.episodes.length >= 2 ? 0.2 : 0),
  run: assessArticulation,
};
