// Types of cohort-data.js for the TypeScript tests.
type Hidden = { suppressed: true };
type Published<T> = T | Hidden;
export interface KmStep {
  time: number;
  nRisk: Published<number>;
  survival: number;
  stdErr?: number | null;
  lower: number | null;
  upper: number | null;
}
export interface KmCurve {
  n: number;
  confidenceLevel: number;
  steps: KmStep[];
  truncated: boolean;
}
export interface State {
  code: string;
  label: string;
  colour: string;
}
export interface MonthDistribution {
  month: number;
  followed: Published<number>;
  counts: Record<string, Published<number>>;
  shares: Record<string, Published<number> | null>;
}
export interface Transitions {
  states: string[];
  rates: (Published<number> | null)[][];
  fromTotals: Published<number>[];
}
type Amount = { mid: number; min: number; max: number };
export interface CostGroup {
  key: string;
  persons: Published<number>;
  amountCents: Published<Amount>;
  perPerson: Published<{ mean: Published<Amount> | null; median: Published<Amount> | null }>;
}
export interface CostsView {
  currency: string;
  groups: CostGroup[];
  total: CostGroup;
}
export declare const SUPPRESSED_STATE: string;
export declare function kmPoints(curve: Published<KmCurve> | null | undefined): { time: number; survival: number; lower: number | null; upper: number | null; nRisk?: number | null }[] | null;
export declare function kmRows(curve: Published<KmCurve> | null | undefined): string[][];
export declare function medianText(median: Published<{ time: Published<number> | null; lower: Published<number> | null; upper: Published<number> | null }> | null, confidenceLevel?: number): string;
export declare function distributionValues(distribution: readonly MonthDistribution[], alphabet: readonly State[]): { month: number; state: string; share: number; order: number }[];
export declare function distributionRows(distribution: readonly MonthDistribution[], alphabet: readonly State[]): string[][];
export declare function transitionCells(
  transitions: Transitions,
  alphabet: readonly State[],
): { from: string; to: string; rate: number | null; status: 'shown' | 'suppressed' | 'undefined'; text: string; fill: string | null; textColour: string }[];
export declare const RATE_RANGE: readonly [string, string];
export declare function rateColour(rate: number): string;
export declare function luminance(hex: string): number;
export declare function contrast(hexA: string, hexB: string): number;
export declare function textOn(hex: string): string;
export declare function transitionRows(transitions: Transitions, alphabet: readonly State[]): string[][];
export declare function costValues(view: CostsView): { key: string; status: 'shown' | 'suppressed'; mid: number | null; min: number | null; max: number | null }[];
export declare function costRows(view: CostsView): string[][];
export declare function cohortFacts(cohort: { name: string; members: Published<number>; cutoff: string; retired?: boolean }): { name: string; members: string; cutoff: string; retired: boolean };
