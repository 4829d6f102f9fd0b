import type { EpisodeKind, Field } from '../person/events.js';
import { episodeSkeletons } from '../parcours/episodes.js';
import { orderFacts, type TimedFact } from '../parcours/ordering.js';
import { standingFacts, type ParcoursFact, type ParcoursState } from '../parcours/parcours-state.js';
import { boundsOf } from '../parcours/time-arithmetic.js';
import type { ValidTime } from '../time/valid-time.js';

/**
 * A compact, cut-off-free digest of one person's parcours, made for aggregation over cohorts of
 * tens of thousands: instants as epoch milliseconds (lower, midpoint, upper), only the fields the
 * cost and outcome views use. Anything that depends on "now" (open episodes) is resolved when a
 * view is computed, with its own cut-off. No identity, no free text.
 */
export interface Instant {
  readonly lower: number | null;
  readonly mid: number;
  readonly upper: number | null;
}

export interface SummaryEpisode {
  readonly episodeId: string;
  readonly kind: EpisodeKind;
  readonly field: Field;
  readonly start: Instant;
  readonly end: Instant | null;
  readonly endStatus: 'ended' | 'open' | 'unknown';
  readonly organisationId: string | null;
  readonly organisationName: string | null;
  /** The few typed details views need: contract, labour market, outcome, destination, setting, hospital kind. */
  readonly details: Readonly<Record<string, string | boolean | number>>;
}

export interface PersonSummary {
  readonly personId: string;
  readonly revision: number;
  readonly gender: string | null;
  readonly birthYear: number | null;
  readonly erased: boolean;
  /** Consent to research use, as last recorded. */
  readonly researchConsent: boolean;
  readonly careSharingConsent: boolean;
  readonly registeredAt: Instant | null;
  readonly firstContact: Instant | null;
  readonly episodes: readonly SummaryEpisode[];
  readonly programmes: readonly { readonly programmeId: string; readonly entered: Instant; readonly exited: Instant | null; readonly destination: string | null }[];
  readonly referrals: readonly { readonly when: Instant; readonly toOrganisationId: string | null; readonly fromField: string | null; readonly followed: boolean | null }[];
  readonly lostToFollowUp: readonly { readonly lost: Instant; readonly resumed: Instant | null }[];
  readonly costs: readonly { readonly when: Instant; readonly amountCents: number; readonly currency: string; readonly funder: string; readonly category: string; readonly episodeId: string | null }[];
  readonly housing: readonly { readonly when: Instant; readonly status: string }[];
  readonly income: readonly { readonly when: Instant; readonly source: string }[];
  readonly qualifications: readonly Instant[];
  readonly studiesResumed: readonly Instant[];
}

const KEPT_DETAILS = ['contract', 'labourMarket', 'outcome', 'destination', 'setting', 'kind', 'qualifying', 'hoursPerWeek', 'readmission', 'medication', 'measure', 'reason', 'status'];

/** Facts that are not steps of the path: the first contact is the first of the others. */
const NOT_PATH = new Set(['NarrativeRecorded', 'ArticulationAssessed', 'CostRecorded', 'ConsentRecorded', 'ConsentWithdrawn']);

/** A summary with no facts: the base of hand-made summaries in tests and of empty streams. */
export function emptySummary(personId: string): PersonSummary {
  return {
    personId,
    revision: -1,
    gender: null,
    birthYear: null,
    erased: false,
    researchConsent: false,
    careSharingConsent: false,
    registeredAt: null,
    firstContact: null,
    episodes: [],
    programmes: [],
    referrals: [],
    lostToFollowUp: [],
    costs: [],
    housing: [],
    income: [],
    qualifications: [],
    studiesResumed: [],
  };
}

export function summarisePerson(state: ParcoursState): PersonSummary {
  const standing = standingFacts(state);
  const ordered = orderFacts(standing);
  const episodes = episodeSkeletons(ordered);
  // Facts by type, in path order, grouped in one pass: a cohort's worth of persons is summarised
  // at every rebuild, and the views below ask for a dozen types.
  const byType = new Map<string, TimedFact[]>();
  for (const t of ordered) {
    const group = byType.get(t.fact.type);
    if (group) group.push(t);
    else byType.set(t.fact.type, [t]);
  }
  const none: TimedFact[] = [];
  const of = (type: string) => byType.get(type) ?? none;
  const registration = state.facts.find((f) => f.type === 'PersonRegistered' && f.retraction === null);
  const path = ordered.filter((t) => !NOT_PATH.has(t.fact.type));
  // Consent in recording order, as access control reads it (person/access.ts): a withdrawal counts
  // from the moment it is recorded, whatever date it carries.
  const consent = (scope: string) => {
    const last = standing.filter((f) => (f.type === 'ConsentRecorded' || f.type === 'ConsentWithdrawn') && f.data['scope'] === scope).at(-1);
    return last?.type === 'ConsentRecorded';
  };
  const registered = of('PersonRegistered')[0];
  return {
    personId: state.personId,
    revision: state.revision,
    gender: registration ? ((registration.data['gender'] as string | undefined) ?? null) : null,
    birthYear: registration ? ((registration.data['birthYear'] as number | undefined) ?? null) : null,
    erased: state.facts.some((f) => f.type === 'PersonErased'),
    researchConsent: consent('research'),
    careSharingConsent: consent('care_sharing'),
    registeredAt: registered ? instant(registered.when) : null,
    firstContact: path[0] ? instant(path[0].when) : null,
    episodes: episodes.map((e) => {
      const organisation = e.start.fact.data['organisation'] as { organisationId?: string; name?: string } | undefined;
      return {
        episodeId: e.episodeId,
        kind: e.kind,
        field: e.field,
        start: instant(e.start.when),
        end: e.end ? instant(e.end.when) : null,
        endStatus: e.endStatus,
        organisationId: organisation?.organisationId ?? null,
        organisationName: organisation?.name ?? null,
        details: pick(e.start.fact, e.end?.fact),
      };
    }),
    programmes: of('ProgrammeEntered').map((t) => {
      const programmeId = String(t.fact.data['programmeId']);
      const exit = of('ProgrammeExited').find((x) => x.fact.data['programmeId'] === programmeId);
      return { programmeId, entered: instant(t.when), exited: exit ? instant(exit.when) : null, destination: (exit?.fact.data['destination'] as string | undefined) ?? null };
    }),
    referrals: of('ReferralMade').map((t) => {
      const to = t.fact.data['to'] as { organisationId?: string } | undefined;
      const followUp = of('ReferralFollowedUp').filter((f) => f.fact.data['referralId'] === t.fact.data['referralId']).at(-1);
      const kept = (followUp?.fact.data['appointmentKept'] ?? t.fact.data['appointmentKept']) as boolean | undefined;
      return { when: instant(t.when), toOrganisationId: to?.organisationId ?? null, fromField: (t.fact.data['fromField'] as string | undefined) ?? null, followed: kept ?? null };
    }),
    lostToFollowUp: lostPeriods(ordered),
    costs: of('CostRecorded').map((t) => ({
      when: instant(t.when),
      amountCents: toCents(String(t.fact.data['amount'])),
      currency: String(t.fact.data['currency'] ?? 'EUR'),
      funder: String(t.fact.data['funder']),
      category: String(t.fact.data['category']),
      episodeId: (t.fact.data['episodeId'] as string | undefined) ?? null,
    })),
    housing: of('HousingStatusChanged').map((t) => ({ when: instant(t.when), status: String(t.fact.data['status']) })),
    income: of('IncomeSourceChanged').map((t) => ({ when: instant(t.when), source: String(t.fact.data['source']) })),
    qualifications: of('QualificationObtained').map((t) => instant(t.when)),
    studiesResumed: of('StudiesResumed').map((t) => instant(t.when)),
  };
}

export function instant(t: ValidTime): Instant {
  const { lower, upper } = boundsOf(t);
  return { lower, upper, mid: lower !== null && upper !== null ? (lower + upper) / 2 : (lower ?? upper ?? 0) };
}

function lostPeriods(ordered: readonly TimedFact[]) {
  const periods: { lost: Instant; resumed: Instant | null }[] = [];
  for (const t of ordered) {
    if (t.fact.type === 'LostToFollowUp') periods.push({ lost: instant(t.when), resumed: null });
    else if (t.fact.type === 'FollowUpResumed' && periods.length && periods.at(-1)!.resumed === null) periods.at(-1)!.resumed = instant(t.when);
  }
  return periods;
}

/** The kept details of an episode: its start's data, overridden by its end's (none is an envelope field). */
function pick(start: ParcoursFact, end: ParcoursFact | undefined): Record<string, string | boolean | number> {
  const out: Record<string, string | boolean | number> = {};
  for (const key of KEPT_DETAILS) {
    const value = end && Object.hasOwn(end.data, key) ? end.data[key] : start.data[key];
    if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') out[key] = value;
  }
  return out;
}

/** "1250.5" → 125050, exactly: money never goes through a float. */
export function toCents(amount: string): number {
  const [units, decimals = ''] = amount.split('.');
  return Number(units) * 100 + Number(decimals.padEnd(2, '0').slice(0, 2));
}
