import { BadRequestParameterError } from '../application/application-errors.js';

/** `If-Match: "<revision>"` → the revision; absent → undefined; anything else → 400. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) throw new BadRequestParameterError('If-Match', 'etag', 'must be the ETag of the stream, a revision in quotes such as "3"');
  return Number(match[1]);
}

export const etag = (revision: number) => `"${revision}"`;
