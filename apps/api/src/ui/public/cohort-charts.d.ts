// Types of cohort-charts.js for the TypeScript tests (specs are plain Vega-Lite objects).
import type { costValues, distributionValues, kmPoints, transitionCells } from './cohort-data.js';

export declare const CONFIG: object;
export declare function kmSpec(points: NonNullable<ReturnType<typeof kmPoints>>, options?: { median?: number | null; confidenceLevel?: number }): object;
export declare function distributionSpec(values: ReturnType<typeof distributionValues>, alphabet: readonly { label: string; colour: string }[]): object;
export declare function transitionSpec(cells: ReturnType<typeof transitionCells>, labels: readonly string[]): object;
export declare function costSpec(values: ReturnType<typeof costValues>, options: { currency: string; by: string }): object;
export declare function embedChart(element: unknown, spec: object): Promise<unknown>;
