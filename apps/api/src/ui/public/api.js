// Calls to the public API with the user's bearer token, and what to tell people when one fails.

import { splitLines } from './replay.js';

export class ApiError extends Error {
  constructor(status, body, message) {
    super(message ?? (body && typeof body.message === 'string' ? body.message : `HTTP ${status}`));
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

/**
 * The API's root as seen from a page: /ui/persons/<id> and /ui/cohorts/<id> are two levels
 * below it. Relative, so the pages work behind a proxy that mounts the application on a path.
 */
export function apiRoot(pageUrl) {
  return new URL('../../', pageUrl);
}

/** GET with the token; a non-2xx answer or a network failure becomes an ApiError. */
export async function apiGet(root, path, token, { accept = 'application/json', signal } = {}) {
  let response;
  try {
    response = await fetch(new URL(path, root), { headers: { authorization: `Bearer ${token}`, accept }, cache: 'no-store', signal });
  } catch (error) {
    if (error && error.name === 'AbortError') throw error;
    throw new ApiError(0, null, 'The API could not be reached');
  }
  // The API's errors are JSON ({ statusCode, code, message }); a proxy's may not be.
  if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
  return response;
}

export async function getJson(root, path, token, options) {
  return (await apiGet(root, path, token, options)).json();
}

/** Reads a JSON-lines answer as it arrives, one parsed item at a time. */
export async function readNdjson(response, onItem) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let rest = '';
  for (;;) {
    const { done, value } = await reader.read();
    rest += decoder.decode(value ?? new Uint8Array(), { stream: !done });
    const split = splitLines(rest, done);
    rest = split.rest;
    for (const line of split.lines) onItem(JSON.parse(line));
    if (done) return;
  }
}

/** A failure in words: what happened, the API's own message, and whether a new token helps. */
export function explainFailure(error, claims) {
  const status = error instanceof ApiError ? error.status : 0;
  const said = error instanceof ApiError && error.body && typeof error.body.message === 'string' ? error.body.message : null;
  switch (status) {
    case 401:
      return { status, title: 'Your token was not accepted (401)', detail: said ?? 'Sign in again: paste a valid token.', needsToken: true };
    case 403:
      return {
        status,
        title: claims && claims.role ? `The ${claims.role} role may not see this (403)` : 'Not allowed (403)',
        detail: said ?? 'Your token does not give access to this page. Ask for a token of a role that does.',
        needsToken: false,
      };
    case 404:
      return { status, title: 'Not found (404)', detail: said ?? 'Nothing has this id.', needsToken: false };
    case 429:
      return { status, title: 'Too many requests (429)', detail: said ?? 'Wait a moment, then reload the page.', needsToken: false };
    case 0:
      return { status, title: 'The API could not be reached', detail: 'Check the connection, then reload the page.', needsToken: false };
    default:
      return { status, title: `The API answered ${status}`, detail: said ?? (error instanceof Error ? error.message : String(error)), needsToken: false };
  }
}
