// Types of format.js for the TypeScript tests (the browser runs the .js as is).
export interface ValidTimeLike {
  readonly edtf: string;
  readonly lower: string | null;
  readonly upper: string | null;
}
export declare function formatRecordedAt(iso: string): string;
export declare function formatDay(iso: string | number): string;
export declare function describeValidTime(vt: ValidTimeLike | null | undefined): string;
export declare function eventLabel(type: string): string;
export declare function words(code: string): string;
export declare function isSuppressed(value: unknown): value is { suppressed: true };
export declare const SUPPRESSED_TEXT: string;
export declare function published<T>(value: T | { suppressed: true } | null | undefined, format?: (value: T) => string): string;
export declare function percent(share: number, digits?: number): string;
export declare function money(cents: number, currency: string): string;
export declare function describeSpan(span: { days: number; min: number; max: number } | null | undefined): string;
