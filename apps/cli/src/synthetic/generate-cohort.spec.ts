import { beforeAll, describe, expect, it } from '@jest/globals';
import { ENVELOPE_FIELDS, PERSON_EVENT_TYPES } from '@parcours/domain';
import { deciderRefusal } from './decider-check.js';
import { type CohortPerson, generateCohort } from './generate-cohort.js';
import { UUID_V7 } from './uuid-v7.js';

const take = (options: Parameters<typeof generateCohort>[0]) => [...generateCohort(options)];
const LINE_KEYS = new Set(['person', 'eventId', 'type', 'data', ...ENVELOPE_FIELDS]);

describe('generateCohort', () => {
  let cohort: CohortPerson[];
  beforeAll(() => {
    cohort = take({ seed: 2024, persons: 1000 });
  });

  it.each([1, 42, 'parcours'])('every person of seed %p passes the decider, registration then the rest', (seed) => {
    const refusals = take({ seed, persons: 200 }).map(deciderRefusal).filter(Boolean);
    expect(refusals).toEqual([]);
  });

  it('is deterministic: the same seed gives the same lines, another seed other ones', () => {
    const a = take({ seed: 7, persons: 40 });
    expect(take({ seed: 7, persons: 40 })).toEqual(a);
    expect(take({ seed: '7', persons: 40 })).toEqual(a);
    const b = take({ seed: 8, persons: 40 });
    expect(b[0]![0]!.person).not.toBe(a[0]![0]!.person);
    expect(b.map((p) => p.length)).not.toEqual(a.map((p) => p.length));
  });

  it('gives person k whatever the cohort size, so a small cohort is the start of a larger one', () => {
    expect(take({ seed: 3, persons: 60 }).slice(0, 25)).toEqual(take({ seed: 3, persons: 25 }));
  });

  it('averages about the asked number of events per person', () => {
    const mean = (persons: CohortPerson[]) => persons.reduce((n, p) => n + p.length, 0) / persons.length;
    expect(mean(cohort)).toBeGreaterThan(40);
    expect(mean(cohort)).toBeLessThan(60);
    const short = take({ seed: 2024, persons: 300, eventsPerPerson: 20 });
    expect(mean(short)).toBeGreaterThan(15);
    expect(mean(short)).toBeLessThan(25);
  });

  it('uses every event type of the catalogue in 1,000 persons, except PersonErased', () => {
    const seen = new Set(cohort.flatMap((p) => p.map((l) => l.type)));
    expect(PERSON_EVENT_TYPES.filter((t) => !seen.has(t))).toEqual(['PersonErased']);
  });

  it('writes the import format: one person per array, PersonRegistered first, UUIDv7 ids unique in the cohort', () => {
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const person of cohort) {
      const first = person[0]!;
      if (first.type !== 'PersonRegistered' || !UUID_V7.test(first.person)) problems.push(`${first.person}: first line ${first.type}`);
      person.forEach((line, i) => {
        if (i > 0 && line.type === 'PersonRegistered') problems.push(`${line.eventId}: a second registration`);
        if (line.person !== first.person) problems.push(`${line.eventId}: another person's line`);
        const unknown = Object.keys(line).filter((k) => !LINE_KEYS.has(k));
        if (unknown.length) problems.push(`${line.eventId}: unknown fields ${unknown.join()}`);
        if (!UUID_V7.test(line.eventId)) problems.push(`${line.eventId}: not a UUIDv7`);
        ids.add(line.eventId);
      });
    }
    expect(problems).toEqual([]);
    expect(ids.size).toBe(cohort.reduce((n, p) => n + p.length, 0));
  });

  it('keeps valid time within the asked years', () => {
    const persons = take({ seed: 5, persons: 100, start: 2010, end: 2015 });
    const years = persons.flatMap((p) => p.flatMap((l) => [...l.occurredAt.matchAll(/\d{4}/g)].map((m) => Number(m[0]))));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2010);
    expect(Math.max(...years)).toBeLessThanOrEqual(2015);
    expect(persons.map(deciderRefusal).filter(Boolean)).toEqual([]);
  });

  it('refuses options it cannot honour', () => {
    expect(() => take({ seed: 1, persons: -1 })).toThrow(RangeError);
    expect(() => take({ seed: 1, persons: 1, start: 2020, end: 2010 })).toThrow(RangeError);
    expect(() => take({ seed: 1, persons: 1, eventsPerPerson: 2 })).toThrow(RangeError);
  });
});
