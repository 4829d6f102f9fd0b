import type { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import { isPersonEventType, PERSON_EVENT_CATALOGUE, PERSON_EVENT_TYPES, type PersonEvent } from './events.js';

/**
 * Turns untrusted input into a person event, or throws InvalidInputError listing every broken
 * rule with its field path (`data.episodeId`), so the API can answer one complete 400.
 */
export function parsePersonEvent(type: string, data: unknown, pathPrefix = 'data'): PersonEvent {
  if (!isPersonEventType(type)) {
    throw new InvalidInputError([
      { field: 'type', rule: 'isIn', message: `must be one of the known event types: ${PERSON_EVENT_TYPES.join(', ')}` },
    ]);
  }
  const result = PERSON_EVENT_CATALOGUE[type].schema.safeParse(data);
  if (!result.success) throw new InvalidInputError(toIssues(result.error, pathPrefix));
  return { type, data: result.data } as PersonEvent;
}

export function toIssues(error: z.ZodError, pathPrefix: string) {
  return error.issues.map((issue) => {
    const path = [pathPrefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return { field: path, rule: 'unknownField', message: `unknown field(s): ${issue.keys.join(', ')}` };
    }
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    if (missing) return { field: path, rule: 'required', message: 'is required' };
    const rule = issue.code === 'custom' ? String((issue.params as { rule?: string } | undefined)?.rule ?? 'custom') : issue.code;
    return { field: path, rule, message: issue.message };
  });
}
