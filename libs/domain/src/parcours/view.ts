import type { EpisodeKind, Field, PersonEventType } from '../person/events.js';
import type { ValidTime } from '../time/valid-time.js';
import type { Span } from './time-arithmetic.js';

/** The parcours as people read it (GET /persons/:id/parcours). */

export const PARCOURS_LANES = ['person', 'care', 'training', 'employment', 'social'] as const;
export type Lane = (typeof PARCOURS_LANES)[number];

export interface OrganisationRef {
  readonly organisationId?: string;
  readonly name?: string;
  readonly role?: string;
}

export interface FactView {
  readonly eventId: string;
  readonly type: PersonEventType;
  readonly field: Field;
  readonly validTime: ValidTime;
  readonly provenance: string;
  readonly organisation: OrganisationRef | null;
  readonly note: string | null;
  /** The type's own fields (identity never appears in a parcours). */
  readonly details: Record<string, unknown>;
  readonly recordedAt: string;
  /** Corrections applied to this fact (it shows their result), most recent last. */
  readonly corrections: readonly { readonly eventId: string; readonly recordedAt: string; readonly reason: string }[];
}

export interface EpisodeView {
  readonly episodeId: string;
  readonly kind: EpisodeKind;
  readonly field: Field;
  readonly start: FactView;
  readonly end: FactView | null;
  /** ended: an end is recorded; open: still going as far as known; unknown: it ended, we do not know when. */
  readonly endStatus: 'ended' | 'open' | 'unknown';
  /** For an unknown end known to precede something (the next episode of the same kind): its date. */
  readonly endedBefore: ValidTime | null;
}

export interface Articulation {
  /** referral: a professional sent the person on; handoff: consecutive episodes of different services or fields. */
  readonly kind: 'referral' | 'handoff';
  readonly fromField: Field | null;
  readonly toField: Field | null;
  readonly fromEpisodeId: string | null;
  readonly toEpisodeId: string | null;
  readonly referralId: string | null;
  readonly from: OrganisationRef | null;
  readonly to: OrganisationRef | null;
  readonly when: ValidTime;
  /** overlap: a tuilage (the first still ran when the second began); gap: a time without either. */
  readonly relation: 'overlap' | 'gap' | 'unknown';
  /** Length of the overlap or the gap, in days (midpoints, with bounds). */
  readonly days: Span | null;
  /** Whether it worked: the appointment kept, or an assessor's judgement (ArticulationAssessed). */
  readonly successful: boolean | null;
  readonly assessments: readonly { readonly eventId: string; readonly successful: boolean; readonly brakes: readonly string[]; readonly facilitators: readonly string[]; readonly assessor: string }[];
}

export interface ReferralView {
  readonly referralId: string;
  readonly eventId: string;
  readonly when: ValidTime;
  readonly from: OrganisationRef;
  readonly to: OrganisationRef;
  readonly initiator: string;
  /** Was the appointment kept: recorded, else inferred from an episode it led to, else null. */
  readonly followed: boolean | null;
  readonly ledToEpisodeId: string | null;
}

export interface PeriodView {
  readonly programmeId: string;
  readonly programmeName: string | null;
  readonly periodId: string;
  readonly label: string;
  readonly span: ValidTime;
  /** Facts whose midpoint falls in the period, in path order. */
  readonly eventIds: readonly string[];
}

export interface Indicators {
  readonly observation: { readonly from: string | null; readonly to: string; readonly years: number | null };
  readonly firstContact: { readonly eventId: string; readonly when: ValidTime } | null;
  readonly firstHire: { readonly eventId: string; readonly when: ValidTime; readonly afterFirstContact: Span & { readonly years: number } } | null;
  readonly hospitalisations: {
    readonly count: number;
    readonly perPersonYear: number | null;
    readonly admissions: readonly { readonly episodeId: string; readonly when: ValidTime; readonly kind: string }[];
    /** Days between consecutive admissions ("se sont espacées"). */
    readonly gaps: readonly Span[];
  };
  readonly relapses: {
    readonly count: number;
    readonly contained: number;
    readonly containmentDays: readonly Span[];
    readonly medianContainmentDays: number | null;
  };
  readonly monthsEmployed: number;
  readonly currentStatus: {
    readonly care: readonly string[];
    readonly training: readonly string[];
    readonly employment: readonly string[];
    readonly housing: string | null;
    readonly income: string | null;
    readonly lostToFollowUp: boolean;
  };
}

export interface ParcoursView {
  readonly personId: string;
  readonly pseudonym: string | null;
  readonly revision: number;
  /** The valid-time cut (asLivedAt), or null for the whole path. */
  readonly asLivedAt: string | null;
  /** Every standing fact in path order (valid time, then the source's order). */
  readonly order: readonly string[];
  readonly lanes: Record<Lane, { readonly episodes: readonly EpisodeView[]; readonly events: readonly FactView[] }>;
  readonly articulations: readonly Articulation[];
  readonly referrals: readonly ReferralView[];
  readonly periods: readonly PeriodView[];
  readonly narratives: readonly FactView[];
  readonly costs: readonly FactView[];
  readonly retracted: readonly { readonly eventId: string; readonly type: PersonEventType; readonly reason: string; readonly recordedAt: string }[];
  readonly indicators: Indicators;
}
