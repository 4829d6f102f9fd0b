import type { z } from 'zod';
import { InvalidInputError } from '../errors.js';

/**
 * What the three reference stream types (organisation, programme, tariff) share: a catalogue of
 * event types, each with a zod schema and a schema version (stored in the event metadata so old
 * events can be upcast), and a decider the application layer can drive without knowing which
 * stream type it holds.
 */

export interface ReferenceCatalogueEntry {
  readonly version: number;
  readonly schema: z.ZodType;
}

export type ReferenceEventCatalogue = Readonly<Record<string, ReferenceCatalogueEntry>>;

/** The discriminated union of a catalogue's events. */
export type ReferenceCatalogueEvent<C extends ReferenceEventCatalogue> = {
  [T in keyof C & string]: { readonly type: T; readonly data: z.output<C[T]['schema']> };
}[keyof C & string];

export interface ReferenceEvent {
  readonly type: string;
  readonly data: object;
}

/** Every reference command proposes exactly one event; `decide` accepts it or throws. */
export interface ReferenceCommand<E extends ReferenceEvent> {
  readonly type: string;
  readonly event: E;
}

export interface ReferenceDecider<E extends ReferenceEvent, S, C extends ReferenceCommand<E>> {
  /** The stream category: streams are `<category>-<uuid>`. */
  readonly category: string;
  readonly catalogue: ReferenceEventCatalogue;
  readonly initialState: S;
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
}

export function referenceStream(decider: { readonly category: string }, id: string): string {
  return `${decider.category}-${id}`;
}

export function foldReference<E extends ReferenceEvent, S>(
  decider: { readonly initialState: S; evolve(state: S, event: E): S },
  events: Iterable<E>,
): S {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}

/**
 * Untrusted input → one event of the catalogue, or InvalidInputError naming every broken rule
 * with its field path (`pathPrefix` is where the data sits in the request body, '' at the root).
 */
export function parseReferenceEvent<C extends ReferenceEventCatalogue, T extends keyof C & string>(
  catalogue: C,
  type: T,
  data: unknown,
  pathPrefix = '',
): Extract<ReferenceCatalogueEvent<C>, { type: T }> {
  const entry = Object.hasOwn(catalogue, type) ? catalogue[type] : undefined;
  if (!entry) {
    throw new InvalidInputError([{ field: 'type', rule: 'isIn', message: `must be one of: ${Object.keys(catalogue).join(', ')}` }]);
  }
  const result = entry.schema.safeParse(data);
  if (!result.success) throw new InvalidInputError(referenceIssuesToFields(result.error, pathPrefix));
  return { type, data: result.data } as Extract<ReferenceCatalogueEvent<C>, { type: T }>;
}

/** One issue per field, unknown keys included (named by their own path, not their parent's). */
export function referenceIssuesToFields(error: z.ZodError, pathPrefix: string): InvalidInputError['issues'][number][] {
  const join = (path: readonly PropertyKey[]) => [pathPrefix, ...path.map(String)].filter(Boolean).join('.');
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: join([...issue.path, key]), rule: 'unknownField', message: 'is not a known field' }));
    }
    const field = join(issue.path);
    if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return [{ field, rule: 'required', message: 'is required' }];
    const rule = issue.code === 'custom' ? String((issue.params as { rule?: string } | undefined)?.rule ?? 'custom') : issue.code;
    return [{ field, rule, message: issue.message }];
  });
}
