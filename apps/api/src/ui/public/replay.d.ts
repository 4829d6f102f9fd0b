// Types of replay.js for the TypeScript tests.
export interface FrameLike {
  readonly step: number;
  readonly eventId: string;
  readonly type: string;
  readonly recordedAt: string;
}
export declare function splitLines(buffer: string, done?: boolean): { lines: string[]; rest: string };
export declare function stepText(frames: readonly FrameLike[], index: number): string;
export declare function recordedTogether(frames: readonly FrameLike[], index: number): number;
