import type { PathBuilder } from './path-builder.js';

/** A piece of path that can happen at the current day, more or less likely given the state. */
export interface Story {
  readonly name: string;
  weight(b: PathBuilder): number;
  run(b: PathBuilder): void;
}
