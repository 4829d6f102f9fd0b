import { COHORT_DEFAULTS, type CohortOptions, type CohortPerson } from './cohort-line.js';
import { generatePerson, type PersonSettings } from './generate-person.js';

export { SYNTHETIC_PROGRAMMES, COHORT_DEFAULTS, type CohortLine, type CohortOptions, type CohortPerson } from './cohort-line.js';

/**
 * A synthetic cohort, one person at a time (a generator: 20,000 persons never sit in memory
 * together). Deterministic for a seed, and each person depends only on the seed and their index,
 * so a smaller cohort is the start of a larger one. Every path passes the domain's rules.
 */
export function* generateCohort(options: CohortOptions): Generator<CohortPerson, void, undefined> {
  const settings = settingsOf(options);
  for (let index = 0; index < options.persons; index += 1) yield generatePerson(index, settings);
}

export function settingsOf(options: CohortOptions): PersonSettings {
  const settings: PersonSettings = {
    seed: options.seed,
    eventsPerPerson: options.eventsPerPerson ?? COHORT_DEFAULTS.eventsPerPerson,
    start: options.start ?? COHORT_DEFAULTS.start,
    end: options.end ?? COHORT_DEFAULTS.end,
    recordedFrom: options.recordedFrom ?? COHORT_DEFAULTS.recordedFrom,
  };
  if (!Number.isInteger(options.persons) || options.persons < 0) throw new RangeError('persons must be a whole number ≥ 0');
  if (!(settings.eventsPerPerson >= 5 && settings.eventsPerPerson <= 1000)) throw new RangeError('eventsPerPerson must be between 5 and 1000');
  if (!Number.isInteger(settings.start) || !Number.isInteger(settings.end) || settings.start < 1950 || settings.end < settings.start || settings.end > 2100) {
    throw new RangeError('start and end must be years, 1950 ≤ start ≤ end ≤ 2100');
  }
  if (Number.isNaN(settings.recordedFrom.getTime())) throw new RangeError('recordedFrom must be a valid date');
  return settings;
}
