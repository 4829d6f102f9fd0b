import { articulation, assessArticulation, narrate, narrative } from './analysis-stories.js';
import { amend } from './amendments.js';
import { firstDayOfYear, lastDayOfYear } from './calendar.js';
import { careFollowUp, hospitalisationAverted, hospitalStay, rehabilitation, relapseStory, substitution } from './care-stories.js';
import type { CohortLine } from './cohort-line.js';
import { cost } from './costs.js';
import { internship, jobCoaching, workshop } from './employment-stories.js';
import { enterPath } from './entry.js';
import { businessCreated, cooperative, hireStory, peerRole } from './job-stories.js';
import { PathBuilder } from './path-builder.js';
import { drawProfile } from './person-profile.js';
import { looseReferral, lostToFollowUp, referentChanged } from './person-stories.js';
import { personRng } from './random.js';
import { renderPath } from './render-path.js';
import { housing, income, incarceration, justiceMeasure } from './social-stories.js';
import type { Story } from './story.js';
import { training, studiesResumed } from './training-stories.js';
import { uuidV7 } from './uuid-v7.js';

const STORIES: readonly Story[] = [
  careFollowUp, hospitalStay, hospitalisationAverted, rehabilitation, substitution, relapseStory,
  training, studiesResumed,
  workshop, jobCoaching, internship, hireStory, cooperative, peerRole, businessCreated,
  housing, income, justiceMeasure, incarceration,
  referentChanged, lostToFollowUp, looseReferral,
  narrative, articulation, cost,
];

/** Stories that still happen while the person is lost to follow-up (how many come back: L836). */
const WHILE_LOST = new Set(['hospitalStay', 'relapse', 'housing', 'justiceMeasure', 'incarceration', 'cost']);

/** Facts a story tells on average, beyond the ends it schedules: sets the pace of a path. */
const FACTS_PER_STORY = 1.8;

export interface PersonSettings {
  readonly seed: number | string;
  readonly eventsPerPerson: number;
  readonly start: number;
  readonly end: number;
  readonly recordedFrom: Date;
}

/**
 * Person `index` of the cohort of `settings.seed`: a path from entry to the last year, as the
 * ndjson lines that record it. Pure and deterministic: the same seed and index give the same lines.
 */
export function generatePerson(index: number, settings: PersonSettings): CohortLine[] {
  const rng = personRng(settings.seed, index);
  // Each person's ids start one minute apart on the UUIDv7 clock, in cohort order.
  const clock = settings.recordedFrom.getTime() + index * 60_000;
  const personId = uuidV7(rng, clock);
  const profile = drawProfile(rng, index, personId, settings, settings.eventsPerPerson);
  const window = { min: firstDayOfYear(settings.start), max: lastDayOfYear(settings.end) };
  const b = new PathBuilder(rng, profile, window, clock + 1);

  enterPath(b);
  for (;;) {
    const left = profile.target - b.drafts.length - b.pending;
    if (left <= 0) break;
    // Spread the remaining stories over the remaining years, irregularly.
    const gap = ((window.max - b.day) / Math.max(left / FACTS_PER_STORY, 1)) * (0.2 + 1.6 * rng.next());
    const next = b.day + Math.max(1, Math.round(gap));
    if (next > window.max) break;
    b.runDue(next);
    b.day = next;
    const weights = STORIES.map((s) => [s, b.lost && !WHILE_LOST.has(s.name) ? 0 : s.weight(b)] as const);
    // Nothing can happen (lost and in prison, say): time just passes.
    if (weights.some(([, w]) => w > 0)) rng.weighted(weights).run(b);
  }
  b.runDue(window.max);
  if (rng.chance(0.35)) narrate(b);
  if (b.episodes.length >= 2 && rng.chance(0.15)) assessArticulation(b);
  amend(b);
  return renderPath(b);
}
