// Types of timeline-layout.js for the TypeScript tests. The view types are structural: the
// domain's ParcoursView (libs/domain/src/parcours/view.ts) fits them.
import type { ValidTimeLike } from './format.js';

export interface FactLike {
  readonly eventId: string;
  readonly type: string;
  readonly validTime: ValidTimeLike;
  readonly corrections: readonly { readonly eventId: string }[];
}
export interface EpisodeLike {
  readonly episodeId: string;
  readonly kind: string;
  readonly start: FactLike;
  readonly end: FactLike | null;
  readonly endStatus: 'ended' | 'open' | 'unknown';
  readonly endedBefore: ValidTimeLike | null;
}
export interface ArticulationLike {
  readonly kind: 'referral' | 'handoff';
  readonly fromField: string | null;
  readonly toField: string | null;
  readonly fromEpisodeId: string | null;
  readonly toEpisodeId: string | null;
  readonly when: ValidTimeLike;
  readonly relation: 'overlap' | 'gap' | 'unknown';
}
export interface PeriodLike {
  readonly label: string;
  readonly programmeName: string | null;
  readonly span: ValidTimeLike;
}
export interface ViewLike {
  readonly lanes: Readonly<Record<string, { readonly episodes: readonly EpisodeLike[]; readonly events: readonly FactLike[] }>>;
  readonly articulations: readonly ArticulationLike[];
  readonly periods: readonly PeriodLike[];
  readonly indicators: { readonly observation: { readonly to: string }; readonly firstHire: { readonly eventId: string; readonly when: ValidTimeLike } | null };
}

export interface Extent {
  outerStart: number;
  innerStart: number;
  innerEnd: number;
  outerEnd: number;
  open: boolean;
  unknownEnd: boolean;
  endedBefore: boolean;
}
export interface Stop {
  offset: number;
  opacity: number;
}
export type Track = number | 'events';
export interface Place {
  lane: string;
  row: Track;
  at: number;
}
export interface Layout {
  now: number;
  lanes: { lane: string; label: string; hint: string; rows: number; events: number; episodes: number }[];
  bars: { id: string; lane: string; row: number; episode: EpisodeLike; extent: Extent; shown: { from: number; to: number }; cut: boolean; stops: Stop[] }[];
  marks: { id: string; lane: string; fact: FactLike; at: number; lower: number; upper: number }[];
  links: { kind: 'referral' | 'handoff'; relation: 'overlap' | 'gap' | 'unknown'; from: Place; to: Place; articulation: ArticulationLike }[];
  bands: { label: string; programme: string | null; from: number; to: number; period: PeriodLike }[];
  milestones: { kind: 'firstHire'; lane: string; row: Track; at: number }[];
}

export declare const LANES: readonly { lane: string; label: string; hint: string }[];
export declare const FAINT: number;
export declare function boundsOf(vt: ValidTimeLike | null, fallback?: number | null): { lower: number | null; upper: number | null; mid: number | null };
export declare function episodeExtent(episode: EpisodeLike, now: number): Extent;
export declare function fuzzyStops(extent: Pick<Extent, 'outerStart' | 'innerStart' | 'innerEnd' | 'outerEnd'>): Stop[];
export declare function clipStops(stops: readonly Stop[], extent: Pick<Extent, 'outerStart' | 'outerEnd'>, window: readonly [number, number]): Stop[];
export declare function packRows(items: readonly { from: number; to: number }[], gap?: number): { rows: number[]; count: number };
export declare function timeDomain(views: readonly ViewLike[], now: number): [number, number];
export declare function yearTicks(domain: readonly [number, number], maxTicks?: number): { year: number; at: number }[];
export declare function timeScale(domain: readonly [number, number], range: readonly [number, number]): (t: number) => number;
export declare function touchedBy(fact: FactLike, eventId: string | null | undefined): boolean;
export declare function layoutTimeline(view: ViewLike, options?: { now?: number; pad?: number; domain?: readonly [number, number] }): Layout;
