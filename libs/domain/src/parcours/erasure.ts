import type { ParcoursFact } from './parcours-state.js';

/**
 * Identifying data and free text of person events (DOMAIN.md §8): the identity block of
 * PersonRegistered, the `note` any event may carry, a NarrativeRecorded's `text`, and the same
 * inside an EventCorrected's `replacement` (which carries another event's data). They are stored
 * encrypted with the person's data key and are gone once the person is erased (crypto-shredding).
 * One list for every type: only PersonRegistered has `identity` and only NarrativeRecorded has
 * `text`, and a new free-text field named so is protected by default.
 */
export const PROTECTED_FIELDS = ['identity', 'note', 'text'] as const;

type Data = Readonly<Record<string, unknown>>;

/** An event's data split in two: what stays readable, and the protected part (null: none). */
export interface ProtectedSplit {
  readonly open: Record<string, unknown>;
  readonly sealed: Record<string, unknown> | null;
}

export function splitProtected(data: Data): ProtectedSplit {
  const top = pick(data);
  const replacement = data['replacement'];
  const inner = isObject(replacement) ? pick(replacement) : { open: replacement, sealed: null };
  if (!top.sealed && !inner.sealed) return { open: { ...data }, sealed: null };
  const open = inner.sealed ? { ...top.open, replacement: inner.open } : top.open;
  const sealed = { ...(top.sealed ?? {}), ...(inner.sealed ? { replacement: inner.sealed } : {}) };
  return { open, sealed };
}

/** The inverse of `splitProtected`: `joinProtected(split.open, split.sealed)` is the data again. */
export function joinProtected(open: Data, sealed: Data | null): Record<string, unknown> {
  if (!sealed) return { ...open };
  const { replacement, ...top } = sealed;
  const joined: Record<string, unknown> = { ...open, ...top };
  if (isObject(replacement) && isObject(open['replacement'])) joined['replacement'] = { ...open['replacement'], ...replacement };
  return joined;
}

/** The data without its protected fields: what every reader sees of an erased person. */
export function withoutProtected(data: Data): Record<string, unknown> {
  return splitProtected(data).open;
}

/** PersonErased, folded: identity and free text leave every fact, as they left the log. */
export function eraseFact(fact: ParcoursFact): ParcoursFact {
  return { ...fact, data: withoutProtected(fact.data) };
}

function pick(data: Data): { open: Record<string, unknown>; sealed: Record<string, unknown> | null } {
  const open: Record<string, unknown> = {};
  const sealed: Record<string, unknown> = {};
  let any = false;
  for (const [key, value] of Object.entries(data)) {
    if ((PROTECTED_FIELDS as readonly string[]).includes(key) && value !== undefined) {
      sealed[key] = value;
      any = true;
    } else {
      open[key] = value;
    }
  }
  return { open, sealed: any ? sealed : null };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
