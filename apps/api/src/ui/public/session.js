// The user's bearer token: pasted, or given in the URL fragment (#token=…), which browsers never
// send to the server, so it reaches no access log. Kept in sessionStorage: gone with the tab.

export const STORAGE_KEY = 'parcours.token';
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The token in a fragment such as "#token=eyJ…" (other fragment parameters are kept). */
export function tokenFromFragment(hash) {
  const params = new URLSearchParams(String(hash).replace(/^#/, ''));
  const token = params.get('token');
  if (!token) return { token: null, rest: String(hash) };
  params.delete('token');
  const rest = params.toString();
  return { token: token.trim(), rest: rest ? `#${rest}` : '' };
}

/** Accepts what people paste: the token, "Bearer <token>", surrounding spaces or quotes. */
export function normaliseToken(text) {
  const token = String(text).trim().replace(/^["']|["']$/g, '').replace(/^Bearer\s+/i, '').trim();
  return JWT.test(token) ? token : null;
}

/**
 * The token's claims, decoded but NOT verified (the API verifies): only to tell people which role
 * and expiry they are using. Null when the payload is not readable JSON.
 */
export function tokenClaims(token) {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(
      Array.from(atob(payload.padEnd(Math.ceil(payload.length / 4) * 4, '=')), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    const claims = JSON.parse(json);
    return {
      role: typeof claims.role === 'string' ? claims.role : null,
      sub: typeof claims.sub === 'string' ? claims.sub : null,
      org: typeof claims.org === 'string' ? claims.org : null,
      expiresAt: typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : null,
    };
  } catch {
    return null;
  }
}

/**
 * Takes a token from the page's fragment into storage and removes it from the address bar
 * (history, bookmarks and screenshots should not keep it); returns the stored token, if any.
 */
export function currentToken(win = window) {
  const { token, rest } = tokenFromFragment(win.location.hash);
  const usable = token ? normaliseToken(token) : null;
  if (token !== null) win.history.replaceState(null, '', `${win.location.pathname}${win.location.search}${rest}`);
  if (usable) win.sessionStorage.setItem(STORAGE_KEY, usable);
  return win.sessionStorage.getItem(STORAGE_KEY);
}

export function storeToken(token, win = window) {
  win.sessionStorage.setItem(STORAGE_KEY, token);
}

export function forgetToken(win = window) {
  win.sessionStorage.removeItem(STORAGE_KEY);
}
