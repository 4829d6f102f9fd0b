import { dayOf, type Day, yearOf } from './calendar.js';
import type { Provenance } from './cohort-line.js';
import type { Rng } from './random.js';
import { CITIES, type Place, PSEUDONYMS } from './vocabulary.js';

/** Who the person is, drawn once: it shapes which stories their path tells, and how. */
export interface PersonProfile {
  readonly personId: string;
  readonly pseudonym: string;
  readonly birthYear: number;
  readonly gender: 'female' | 'male' | 'non_binary' | 'unknown';
  readonly place: Place;
  readonly entryDay: Day;
  readonly ageAtEntry: number;
  /** Psychiatric history: readmissions. */
  readonly psychiatric: boolean;
  /** Opioid use: substitution treatments. */
  readonly opioids: boolean;
  /** Justice measures, prison. */
  readonly justice: boolean;
  /** Path rebuilt from interviews (vague dates) rather than from service records. */
  readonly retrospective: boolean;
  readonly sources: readonly (readonly [Provenance, number])[];
  /** How many lines this path aims at. */
  readonly target: number;
}

export function drawProfile(rng: Rng, index: number, personId: string, years: { start: number; end: number }, eventsPerPerson: number): PersonProfile {
  const country = rng.chance(0.45) ? 'BE' : 'FR';
  const lastEntryYear = Math.max(years.start, years.end - 3);
  const entryDay = rng.int(dayOf(years.start), dayOf(lastEntryYear, 12, 31));
  const ageAtEntry = 17 + rng.int(0, 14) + rng.int(0, 14) + rng.int(0, 10);
  const retrospective = rng.chance(0.4);
  return {
    personId,
    pseudonym: `${rng.pick(PSEUDONYMS)} ${index + 1}`,
    birthYear: yearOf(entryDay) - ageAtEntry,
    gender: rng.weighted([['male', 70], ['female', 27], ['non_binary', 1], ['unknown', 2]] as const),
    place: { country, city: rng.pick(CITIES[country]) },
    entryDay,
    ageAtEntry,
    psychiatric: rng.chance(0.3),
    opioids: rng.chance(0.45),
    justice: rng.chance(0.25),
    retrospective,
    sources: retrospective
      ? [['interview', 60], ['service_record', 18], ['self_report', 12], ['caseworker_observation', 7], ['relative', 2], ['unknown', 1]]
      : [['service_record', 45], ['caseworker_observation', 30], ['interview', 12], ['self_report', 10], ['relative', 2], ['unknown', 1]],
    // Between 40% and 160% of the asked average, and at least a handful of facts.
    target: Math.max(6, Math.round(eventsPerPerson * (0.4 + 1.2 * rng.next()))),
  };
}
