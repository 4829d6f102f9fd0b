import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

describe('configuration from the environment', () => {
  it('has working defaults: embedded store, durable, port 3000', () => {
    expect(loadConfig({}, [])).toMatchObject({ port: 3000, store: 'sqlite', dbPath: './data/parcours.sqlite', dbSynchronous: 'FULL', demo: false });
  });

  it('reads every variable', () => {
    const config = loadConfig({ PORT: '8080', PARCOURS_DB: '/tmp/x.sqlite', PARCOURS_DB_SYNCHRONOUS: 'NORMAL', LOG_LEVEL: 'warn' }, ['--demo']);
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
  ])('stops on %j naming %s', (env, variable) => {
    expect(() => loadConfig(env, [])).toThrow(ConfigError);
    expect(() => loadConfig(env, [])).toThrow(new RegExp(`^Invalid configuration: ${variable}=`));
  });
});
