import { describe, expect, it } from '@jest/globals';
import { UnauthenticatedError } from './auth-errors.js';
import { mintToken, TokenVerifier } from './tokens.js';

const secret = 'Zq7wN2xK9vB4mR1tY6pL3cD8fH5jS0gA';
const settings = { issuer: 'parcours', audience: 'parcours-api' };
const verifier = () => new TokenVerifier({ keys: { secret }, ...settings });

describe('bearer tokens', () => {
  it('given a minted token, when verified, then its claims become the principal', async () => {
    const token = await mintToken({ role: 'caseworker', sub: 'cw.marie', organisationId: '018F0000-0000-7000-8000-0000000C5A9A' }, { secret, ...settings });
    expect(await verifier().verify(token)).toEqual({ sub: 'cw.marie', role: 'caseworker', organisationId: '018f0000-0000-7000-8000-0000000c5a9a' });
  });

  it('given another audience, issuer or secret, when verified, then it is refused with the reason', async () => {
    const base = { role: 'admin' as const, sub: 'a' };
    await expect(verifier().verify(await mintToken(base, { secret, issuer: 'parcours', audience: 'other' }))).rejects.toThrow(/claim aud/);
    await expect(verifier().verify(await mintToken(base, { secret, issuer: 'evil', audience: 'parcours-api' }))).rejects.toThrow(/claim iss/);
    await expect(verifier().verify(await mintToken(base, { secret: `${secret}x`, ...settings }))).rejects.toThrow(/signature/);
  });

  it('given a caseworker token without an organisation, when verified, then it is refused', async () => {
    await expect(verifier().verify(await mintToken({ role: 'caseworker', sub: 'x' }, { secret, ...settings }))).rejects.toThrow(UnauthenticatedError);
  });

  it('given a verified token kept in the cache, when its expiry passes, then it is refused all the same', async () => {
    const v = verifier();
    const now = Date.now();
    const token = await mintToken({ role: 'admin', sub: 'a', ttlSeconds: 30 }, { secret, ...settings }, new Date(now));
    await expect(v.verify(token, now)).resolves.toMatchObject({ role: 'admin' });
    await expect(v.verify(token, now + 10_000)).resolves.toMatchObject({ role: 'admin' });
    await expect(v.verify(token, now + 31_000)).rejects.toThrow(/expired/);
  });
});
