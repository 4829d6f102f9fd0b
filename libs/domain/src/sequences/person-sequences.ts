import type { Instant } from '../analytics/person-summary.js';
import type { CohortMember } from '../cohorts/membership.js';
import type { SequenceField } from './alphabet.js';
import { monthlyStates, type MonthlyStates } from './monthly-states.js';
import { stateSpans, type StateSpan } from './state-spans.js';

/**
 * Where a person's months are counted from:
 * - entry: the person's cohort entry (by the cohort's entry rule), the default, so that month k
 *   means "k months after entering" for everyone;
 * - first_contact: the person's first fact on the path (any service); the cohort entry when none.
 */
export const ORIGIN_RULES = ['entry', 'first_contact'] as const;
export type OriginRule = (typeof ORIGIN_RULES)[number];

export const ORIGIN_RULE_MEANINGS: Readonly<Record<OriginRule, string>> = {
  entry: "month 0 is the calendar month of the person's cohort entry (the cohort's entry rule, date at its midpoint)",
  first_contact: "month 0 is the calendar month of the person's first recorded fact (any service, date at its midpoint); the cohort entry when there is none",
};

export function isOriginRule(value: unknown): value is OriginRule {
  return typeof value === 'string' && (ORIGIN_RULES as readonly string[]).includes(value);
}

export function originOf(member: CohortMember, rule: OriginRule): Instant {
  return rule === 'first_contact' ? (member.summary.firstContact ?? member.entry) : member.entry;
}

export interface PersonSequence {
  readonly member: CohortMember;
  /** Epoch ms (midpoint) of the origin. */
  readonly origin: number;
  /** Epoch ms of the cut-off: its month is the last observed. */
  readonly cutoff: number;
  readonly spans: readonly StateSpan[];
  readonly months: MonthlyStates;
}

export function personSequence(member: CohortMember, field: SequenceField, rule: OriginRule, cutoff: number): PersonSequence {
  const origin = originOf(member, rule).mid;
  const spans = stateSpans(member.summary, field);
  return { member, origin, cutoff, spans, months: monthlyStates(field, spans, { origin, cutoff }) };
}
