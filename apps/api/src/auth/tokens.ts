import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { UnauthenticatedError } from './auth-errors.js';
import { isRole, ORGANISATION_ID_PATTERN, SUBJECT_PATTERN, type Principal, type Role } from './principal.js';

/** Where token signatures are checked: a shared HS256 secret, or an identity provider's JWKS. */
export type TokenKeys = { readonly secret: string } | { readonly jwksUrl: string };

export interface TokenSettings {
  readonly keys: TokenKeys;
  readonly issuer: string;
  readonly audience: string;
}

export interface MintRequest {
  readonly role: Role;
  readonly sub: string;
  readonly organisationId?: string | null;
  /** Lifetime in seconds. */
  readonly ttlSeconds?: number;
}

/** Asymmetric algorithms an identity provider may sign with; never `none`, never HS* with a JWKS. */
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];

/** Mints an HS256 token (the `token` CLI command, the demo, the tests). */
export async function mintToken(request: MintRequest, settings: Omit<TokenSettings, 'keys'> & { readonly secret: string }, now = new Date()): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: JWTPayload & { role: Role; org?: string } = { role: request.role };
  if (request.organisationId) claims.org = request.organisationId.toLowerCase();
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (request.ttlSeconds ?? 8 * 3600))
    .sign(new TextEncoder().encode(settings.secret));
}

/** Checks a bearer token and turns its claims into a Principal, or says precisely why not. */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];
  /**
   * Tokens already verified, until their expiry or one minute, whichever comes first: a client
   * sends the same token on every request, and checking its signature again costs more CPU than
   * the rest of an append. Bounded; the token string itself is the key (same bytes, same verdict).
   */
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(private readonly settings: TokenSettings) {
    if ('secret' in settings.keys) {
      this.key = new TextEncoder().encode(settings.keys.secret);
      this.algorithms = ['HS256'];
    } else {
      this.key = createRemoteJWKSet(new URL(settings.keys.jwksUrl), { timeoutDuration: 3000, cooldownDuration: 30_000 });
      this.algorithms = JWKS_ALGORITHMS;
    }
  }

  async verify(token: string, now = Date.now()): Promise<Principal> {
    const known = this.verified.get(token);
    if (known && known.until > now) return known.principal;
    if (known) this.verified.delete(token);
    const principal = await this.check(token, now);
    if (this.verified.size >= 10_000) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal: principal.principal, until: Math.min(principal.expiresAt, now + 60_000) });
    return principal.principal;
  }

  private async check(token: string, now: number): Promise<{ principal: Principal; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      const options = { algorithms: this.algorithms, issuer: this.settings.issuer, audience: this.settings.audience, requiredClaims: ['exp', 'sub'], currentDate: new Date(now) };
      ({ payload } = typeof this.key === 'function' ? await jwtVerify(token, this.key, options) : await jwtVerify(token, this.key, options));
    } catch (error) {
      throw new UnauthenticatedError(reason(error));
    }
    return { principal: principalFrom(payload), expiresAt: (payload.exp ?? 0) * 1000 };
  }
}

export function principalFrom(payload: JWTPayload): Principal {
  const { sub, role, org } = payload as JWTPayload & { role?: unknown; org?: unknown };
  if (typeof sub !== 'string' || !SUBJECT_PATTERN.test(sub)) throw new UnauthenticatedError('The token subject (sub) must be 1-128 letters, digits or . @ : _ -');
  if (!isRole(role)) throw new UnauthenticatedError('The token role claim must be one of caseworker, researcher, evaluator, admin');
  if (org !== undefined && (typeof org !== 'string' || !ORGANISATION_ID_PATTERN.test(org))) throw new UnauthenticatedError('The token org claim must be an organisation id (UUID)');
  if (role === 'caseworker' && org === undefined) throw new UnauthenticatedError('A caseworker token needs an org claim: caseworkers are scoped to their organisation');
  return { sub, role, organisationId: typeof org === 'string' ? org.toLowerCase() : null };
}

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `The token claim ${error.claim} is not accepted (${error.reason})`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The token signature is not valid';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The token algorithm is not accepted';
  if (error instanceof errors.JWKSNoMatchingKey) return 'No key of the identity provider matches the token';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError && error.code === 'ERR_JWKS_TIMEOUT') return 'The identity provider keys could not be fetched';
  return 'The bearer token is malformed';
}
