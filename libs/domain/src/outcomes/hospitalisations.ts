import type { CohortMember } from '../cohorts/membership.js';
import { daysBetweenInstants, median, round } from '../parcours/time-arithmetic.js';
import type { CellValue, ProtectedValue } from '../statistics/index.js';
import { indicator } from './indicator.js';
import { yearsBetween } from './outcome-time.js';
import { protectDerivedRate, protectStatistic, publishCount, publishPersons, type PublishedBreakdown } from './publication.js';

export type Period = 'before' | 'after';

/**
 * Where a member's hospital admissions fall: before entry (from their first contact with any
 * service, the start of what is known of their path) or after it (to the cut-off). Admissions
 * after the cut-off are not seen.
 */
export function admissionsByPeriod(member: CohortMember, cutoff: number): { before: number[]; after: number[]; since: number } {
  const since = Math.min(member.summary.firstContact?.mid ?? member.entry.mid, member.entry.mid);
  const before: number[] = [];
  const after: number[] = [];
  for (const e of member.summary.episodes) {
    if (e.kind !== 'hospital_stay' || e.start.mid > cutoff || e.start.mid < since) continue;
    (e.start.mid < member.entry.mid ? before : after).push(e.start.mid);
  }
  return { before: before.sort((a, b) => a - b), after: after.sort((a, b) => a - b), since };
}

export interface HospitalisationRate {
  readonly persons: PublishedBreakdown<'with' | 'without'>;
  /** Stays count like people: fewer than 11 are not published. */
  readonly admissions: CellValue;
  readonly personYears: ProtectedValue;
  readonly perPersonYear: ProtectedValue | null;
}

export const hospitalisationRates = indicator({
  name: 'hospitalisationRates',
  version: 1,
  definition:
    'Hospital admissions (start midpoints) per person-year, before entry and after entry, pooled over members: before entry, admissions from the first contact to entry over the person-time from the first contact to entry; after entry, admissions from entry to the cut-off over the person-time from entry to the cut-off.',
  compute(members: readonly CohortMember[], cutoff: number): Readonly<Record<Period, HospitalisationRate>> {
    const tally = { before: { persons: 0, admissions: 0, years: 0 }, after: { persons: 0, admissions: 0, years: 0 } };
    for (const member of members) {
      const { before, after, since } = admissionsByPeriod(member, cutoff);
      tally.before.years += yearsBetween(since, member.entry.mid);
      tally.after.years += yearsBetween(member.entry.mid, cutoff);
      for (const [period, stays] of [['before', before], ['after', after]] as const) {
        tally[period].admissions += stays.length;
        if (stays.length) tally[period].persons += 1;
      }
    }
    const rate = (t: { persons: number; admissions: number; years: number }): HospitalisationRate => {
      const admissions = publishCount(t.admissions, { persons: t.persons });
      // Person-time describes the whole cohort: published when its size is.
      const personYears = protectStatistic([members.length], () => round(t.years, 2)) ?? 0;
      return { persons: publishPersons(t.persons, members.length), admissions, personYears, perPersonYear: protectDerivedRate(admissions, personYears) };
    };
    return { before: rate(tally.before), after: rate(tally.after) };
  },
});

export interface AdmissionGaps {
  /**
   * Gaps in the period. The median also needs 11 members with a gap there; their number is not
   * published: subtracted from the rates' members with an admission, it would give those with one.
   */
  readonly gaps: CellValue;
  readonly medianDays: ProtectedValue | null;
}

export const hospitalisationGaps = indicator({
  name: 'hospitalisationGaps',
  version: 1,
  definition:
    'Days between consecutive hospital admissions of a member (start midpoints, from the first contact to the cut-off), each gap placed before or after entry by its later admission; the median gap in each period, over all gaps of all members ("se sont espacées, puis interrompues").',
  compute(members: readonly CohortMember[], cutoff: number): Readonly<Record<Period, AdmissionGaps>> {
    const gaps = { before: [] as number[], after: [] as number[] };
    const persons = { before: 0, after: 0 };
    for (const member of members) {
      const { before, after } = admissionsByPeriod(member, cutoff);
      const all = [...before, ...after];
      const seen = { before: false, after: false };
      for (let i = 1; i < all.length; i++) {
        const period: Period = all[i]! < member.entry.mid ? 'before' : 'after';
        gaps[period].push(daysBetweenInstants(all[i - 1]!, all[i]!));
        seen[period] = true;
      }
      if (seen.before) persons.before += 1;
      if (seen.after) persons.after += 1;
    }
    const publish = (period: Period): AdmissionGaps => {
      const count = publishCount(gaps[period].length, { persons: persons[period] });
      return { gaps: count, medianDays: protectStatistic([persons[period], gaps[period].length], () => median(gaps[period])) };
    };
    return { before: publish('before'), after: publish('after') };
  },
});
