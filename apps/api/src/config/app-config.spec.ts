import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

const SECRET = 'kq3Jv9x2LmT8pW4rZ7nB1cY6dF0gH5sA';

describe('configuration from the environment', () => {
  it('has working defaults: embedded store, durable, port 3000', () => {
    expect(loadConfig({ PARCOURS_JWT_SECRET: SECRET }, [])).toMatchObject({ port: 3000, store: 'sqlite', dbPath: './data/parcours.sqlite', dbSynchronous: 'FULL', demo: false });
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
  ])('stops on %j naming %s', (env, variable) => {
    const withSecret = { PARCOURS_JWT_SECRET: SECRET, ...env };
    expect(() => loadConfig(withSecret, [])).toThrow(ConfigError);
    expect(() => loadConfig(withSecret, [])).toThrow(new RegExp(`^Invalid configuration: ${variable}=`));
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
    expect(loadConfig({ PARCOURS_JWKS_URL: 'https://idp.example/.well-known/jwks.json' }, []).auth.keys).toEqual({ jwksUrl: 'https://idp.example/.well-known/jwks.json' });
  });
});
