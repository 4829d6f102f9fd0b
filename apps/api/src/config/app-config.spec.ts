import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

const SECRET = 'kq3Jv9x2LmT8pW4rZ7nB1cY6dF0gH5sA';
/** A key-encryption key (base64 of 32 random bytes), required outside demo mode like the secret. */
const KEK = 'ns4PDEBn2Fa7sHYp0FadkXRIdim6SP0u85YQex7OllE=';

describe('configuration from the environment', () => {
  it('has working defaults: embedded store, durable, port 3000', () => {
    expect(loadConfig({ PARCOURS_JWT_SECRET: SECRET, PARCOURS_KEY_ENCRYPTION_KEY: KEK }, [])).toMatchObject({ port: 3000, store: 'sqlite', dbPath: './data/parcours.sqlite', dbSynchronous: 'FULL', demo: false });
  });

  it('reads every variable', () => {
    const config = loadConfig({ PARCOURS_JWT_SECRET: SECRET, PORT: '8080', PARCOURS_DB: '/tmp/x.sqlite', PARCOURS_DB_SYNCHRONOUS: 'NORMAL', LOG_LEVEL: 'warn' }, ['--demo']);
    expect(config).toMatchObject({ port: 8080, dbPath: '/tmp/x.sqlite', dbSynchronous: 'NORMAL', logLevel: 'warn', demo: true });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PARCOURS_STORE: 'postgres' }, 'PARCOURS_STORE'],
    [{ PARCOURS_STORE: 'esdb' }, 'PARCOURS_ESDB_URL'],
    [{ PARCOURS_STORE: 'esdb', PARCOURS_ESDB_URL: 'http://x' }, 'PARCOURS_ESDB_URL'],
    [{ PARCOURS_DB_SYNCHRONOUS: 'OFF' }, 'PARCOURS_DB_SYNCHRONOUS'],
    [{ PARCOURS_DB: '  ' }, 'PARCOURS_DB'],
    [{ PARCOURS_EXPORT_KEY: 'c2hvcnQ=' }, 'PARCOURS_EXPORT_KEY'],
    [{ PARCOURS_JWT_SECRET: undefined }, 'PARCOURS_JWT_SECRET'],
    [{ PARCOURS_JWT_SECRET: 'too-short-but-random-Xq9' }, 'PARCOURS_JWT_SECRET'],
    [{ PARCOURS_JWT_SECRET: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }, 'PARCOURS_JWT_SECRET'],
    [{ PARCOURS_JWT_SECRET: 'change-me-change-me-in-production-please' }, 'PARCOURS_JWT_SECRET'],
    [{ PARCOURS_JWKS_URL: 'ftp://idp/keys' }, 'PARCOURS_JWKS_URL'],
    [{ PARCOURS_JWKS_URL: 'https://idp.example/jwks.json' }, 'PARCOURS_JWKS_URL'],
    [{ PARCOURS_CORS_ORIGINS: '*' }, 'PARCOURS_CORS_ORIGINS'],
    [{ PARCOURS_CORS_ORIGINS: 'https://ok.example, app.example' }, 'PARCOURS_CORS_ORIGINS'],
    [{ PARCOURS_CORS_ORIGINS: 'https://app.example/pages' }, 'PARCOURS_CORS_ORIGINS'],
    [{ PARCOURS_RATE_LIMIT: '-1' }, 'PARCOURS_RATE_LIMIT'],
    [{ PARCOURS_RATE_LIMIT: '10/min' }, 'PARCOURS_RATE_LIMIT'],
    [{ PARCOURS_DECISION_CACHE_EVENTS: 'lots' }, 'PARCOURS_DECISION_CACHE_EVENTS'],
    [{ PARCOURS_KEY_ENCRYPTION_KEY: undefined }, 'PARCOURS_KEY_ENCRYPTION_KEY'],
    [{ PARCOURS_KEY_ENCRYPTION_KEY: 'c2hvcnQ=' }, 'PARCOURS_KEY_ENCRYPTION_KEY'],
    [{ PARCOURS_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') }, 'PARCOURS_KEY_ENCRYPTION_KEY'],
    [{ PARCOURS_KEY_ENCRYPTION_KEY: `${KEK.slice(0, -2)}!=` }, 'PARCOURS_KEY_ENCRYPTION_KEY'],
    [{ PARCOURS_KEY_DB: './data/parcours.sqlite' }, 'PARCOURS_KEY_DB'],
  ])('stops on %j naming %s', (env, variable) => {
    const withSecret = { PARCOURS_JWT_SECRET: SECRET, PARCOURS_KEY_ENCRYPTION_KEY: KEK, ...env };
    expect(() => loadConfig(withSecret, [])).toThrow(ConfigError);
    expect(() => loadConfig(withSecret, [])).toThrow(new RegExp(`^Invalid configuration: ${variable}=`));
  });

  it('keeps CORS off and limits each caller to 600 requests a minute unless told otherwise', () => {
    expect(loadConfig({ PARCOURS_JWT_SECRET: SECRET, PARCOURS_KEY_ENCRYPTION_KEY: KEK }, [])).toMatchObject({ corsOrigins: [], rateLimitPerMinute: 600, decisionCacheEvents: 100_000 });
    expect(loadConfig({ PARCOURS_JWT_SECRET: SECRET, PARCOURS_KEY_ENCRYPTION_KEY: KEK, PARCOURS_DECISION_CACHE_EVENTS: '5000' }, []).decisionCacheEvents).toBe(5000);
    const config = loadConfig({ PARCOURS_JWT_SECRET: SECRET, PARCOURS_KEY_ENCRYPTION_KEY: KEK, PARCOURS_CORS_ORIGINS: 'https://app.example.org, http://localhost:5173/', PARCOURS_RATE_LIMIT: '0' }, []);
    expect(config).toMatchObject({ corsOrigins: ['https://app.example.org', 'http://localhost:5173'], rateLimitPerMinute: 0 });
  });

  it('keeps the key store beside PARCOURS_DB in a file of its own; needs the key-encryption key outside demo mode only', () => {
    expect(loadConfig({ PARCOURS_JWT_SECRET: SECRET, PARCOURS_KEY_ENCRYPTION_KEY: KEK }, [])).toMatchObject({ keyDbPath: './data/parcours-keys.sqlite', keyEncryptionKey: KEK });
    expect(loadConfig({ PARCOURS_JWT_SECRET: SECRET, PARCOURS_KEY_ENCRYPTION_KEY: KEK, PARCOURS_DB: '/srv/p/events.db' }, []).keyDbPath).toBe('/srv/p/events-keys.sqlite');
    expect(loadConfig({ PARCOURS_JWT_SECRET: SECRET, PARCOURS_KEY_ENCRYPTION_KEY: KEK, PARCOURS_KEY_DB: '/keys/k.sqlite' }, []).keyDbPath).toBe('/keys/k.sqlite');
    expect(loadConfig({}, ['--demo']).keyEncryptionKey).toBeUndefined();
    expect(() => loadConfig({ PARCOURS_JWT_SECRET: SECRET }, [])).toThrow(/PARCOURS_KEY_ENCRYPTION_KEY="" is required outside demo mode/);
    expect(() => loadConfig({ PARCOURS_JWT_SECRET: SECRET, PARCOURS_KEY_ENCRYPTION_KEY: 'c2hvcnQ=' }, [])).toThrow(/="\(secret not shown\)" must be the base64 of exactly 32 bytes/);
  });

  it('refuses to start without a token secret outside demo mode, and never shows a secret in its message', () => {
    expect(() => loadConfig({}, [])).toThrow(/PARCOURS_JWT_SECRET="" is required outside demo mode/);
    expect(() => loadConfig({ PARCOURS_JWT_SECRET: 'change-me-change-me-in-production-please' }, [])).toThrow(/\(secret not shown\)/);
  });

  it('makes up a per-process secret in demo mode only', () => {
    const a = loadConfig({}, ['--demo']).auth;
    const b = loadConfig({}, ['--demo']).auth;
    expect(a.generatedSecret).toBe(true);
    expect('secret' in a.keys && 'secret' in b.keys && a.keys.secret !== b.keys.secret).toBe(true);
    expect(loadConfig({ PARCOURS_JWKS_URL: 'https://idp.example/.well-known/jwks.json', PARCOURS_KEY_ENCRYPTION_KEY: KEK }, []).auth.keys).toEqual({ jwksUrl: 'https://idp.example/.well-known/jwks.json' });
  });
});
