import { describe, expect, it } from '@jest/globals';
import { currentToken, normaliseToken, STORAGE_KEY, tokenClaims, tokenFromFragment, type WindowLike } from '../../apps/api/src/ui/public/session.js';
import { tokenFor } from '../support/auth.js';

function fakeWindow(hash: string, stored: string | null = null): WindowLike & { url: string; store: Map<string, string> } {
  const store = new Map<string, string>(stored ? [[STORAGE_KEY, stored]] : []);
  const win = {
    url: `/ui/persons/x${hash}`,
    store,
    location: { hash, pathname: '/ui/persons/x', search: '' },
    history: { replaceState: (_: unknown, __: string, url: string) => void (win.url = url) },
    sessionStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) },
  };
  return win;
}

describe('the token of the pages', () => {
  it('takes a token from the URL fragment, keeps the other parameters', () => {
    expect(tokenFromFragment('#token=a.b.c&step=3')).toEqual({ token: 'a.b.c', rest: '#step=3' });
    expect(tokenFromFragment('#token=a.b.c')).toEqual({ token: 'a.b.c', rest: '' });
    expect(tokenFromFragment('')).toEqual({ token: null, rest: '' });
  });

  it('accepts what people paste, and refuses what is not a JWT', () => {
    expect(normaliseToken('  Bearer aa.bb.cc ')).toBe('aa.bb.cc');
    expect(normaliseToken('"aa.bb.cc"')).toBe('aa.bb.cc');
    expect(normaliseToken('hello')).toBeNull();
    expect(normaliseToken('aa.bb.cc dd')).toBeNull();
  });

  it('reads role, subject and expiry from a real token (display only: the API verifies)', async () => {
    const claims = tokenClaims(await tokenFor('caseworker', { sub: 'anne.dupré', ttlSeconds: 60 }));
    expect(claims).toMatchObject({ role: 'caseworker', org: expect.any(String) });
    expect(Date.parse(claims!.expiresAt!)).toBeGreaterThan(Date.now());
    expect(tokenClaims('not-a-token')).toBeNull();
  });

  it('moves a fragment token into session storage and out of the address bar', () => {
    const win = fakeWindow('#token=aa.bb.cc');
    expect(currentToken(win)).toBe('aa.bb.cc');
    expect(win.store.get(STORAGE_KEY)).toBe('aa.bb.cc');
    expect(win.url).toBe('/ui/persons/x');
    const later = fakeWindow('', 'dd.ee.ff');
    expect(currentToken(later)).toBe('dd.ee.ff');
    expect(later.url).toBe('/ui/persons/x');
    // A malformed fragment token is removed from the address bar and not stored.
    const bad = fakeWindow('#token=oops');
    expect(currentToken(bad)).toBeNull();
    expect(bad.url).toBe('/ui/persons/x');
  });
});
