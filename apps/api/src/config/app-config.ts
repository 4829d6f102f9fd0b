import { randomBytes } from 'node:crypto';
import { basename, dirname, extname, resolve } from 'node:path';
import type { TokenSettings } from '../auth/tokens.js';
import { exportKeyFrom, ExportKeyError } from '../exports/export-key.js';

/**
 * Configuration comes from the environment only, and is checked before anything starts: a bad
 * value stops the start with a message naming the variable and what it accepts.
 */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly store: 'sqlite' | 'esdb';
  /** The SQLite file: the event store in `sqlite` mode; read models and checkpoints in both. */
  readonly dbPath: string;
  readonly dbSynchronous: 'FULL' | 'NORMAL';
  readonly esdbUrl: string | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest request body accepted, in bytes (413 beyond). */
  readonly bodyLimit: number;
  /** PARCOURS_CORS_ORIGINS: the browser origins allowed to call the API; empty: CORS stays off. */
  readonly corsOrigins: readonly string[];
  /** PARCOURS_RATE_LIMIT: requests per minute per caller (token subject, else IP); 0 turns limiting off. */
  readonly rateLimitPerMinute: number;
  /**
   * PARCOURS_DECISION_CACHE_EVENTS: the persons' decision states kept in memory, in events (about
   * 1.3 KB of heap each): appends and access checks start from them instead of the whole stream.
   */
  readonly decisionCacheEvents: number;
  /** Demo mode loads the demo data set at start. */
  readonly demo: boolean;
  /** PARCOURS_EXPORT_KEY: the base64 secret research pseudonyms are keyed with (absent: a per-process key). */
  readonly exportKey: string | undefined;
  /** PARCOURS_KEY_DB: the key store, a SQLite file of its own holding each person's data key (crypto-shredding). */
  readonly keyDbPath: string;
  /** PARCOURS_KEY_ENCRYPTION_KEY: base64 of 32 bytes wrapping the data keys; absent in demo mode only (a demo key file beside the key store). */
  readonly keyEncryptionKey: string | undefined;
  /** How bearer tokens are checked: PARCOURS_JWT_SECRET (HS256) or PARCOURS_JWKS_URL. */
  readonly auth: TokenSettings & {
    /** True when demo mode made up a secret for this process (it prints one token per role). */
    readonly generatedSecret: boolean;
  };
}

export class ConfigError extends Error {
  readonly code = 'INVALID_CONFIGURATION';
  constructor(readonly variable: string, rule: string, value: string) {
    super(`Invalid configuration: ${variable}=${JSON.stringify(value)} ${rule}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, argv: readonly string[] = process.argv): AppConfig {
  const store = oneOf(env, 'PARCOURS_STORE', ['sqlite', 'esdb'] as const, 'sqlite');
  const esdbUrl = env['PARCOURS_ESDB_URL']?.trim() || undefined;
  if (store === 'esdb') {
    if (!esdbUrl) throw new ConfigError('PARCOURS_ESDB_URL', 'is required when PARCOURS_STORE=esdb (e.g. esdb://localhost:2113?tls=false)', '');
    if (!/^esdb(\+discover)?:\/\/[^\s/]+/.test(esdbUrl)) {
      throw new ConfigError('PARCOURS_ESDB_URL', 'must be an EventStoreDB connection string: esdb://host:2113?tls=false or esdb+discover://host:2113', esdbUrl);
    }
  }
  const demo = argv.includes('--demo') || bool(env, 'PARCOURS_DEMO', false);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: text(env, 'HOST', '127.0.0.1'),
    store,
    dbPath: text(env, 'PARCOURS_DB', './data/parcours.sqlite'),
    dbSynchronous: oneOf(env, 'PARCOURS_DB_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
    esdbUrl,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
    bodyLimit: integer(env, 'PARCOURS_BODY_LIMIT', 1024 * 1024, 1024, 64 * 1024 * 1024),
    corsOrigins: corsOrigins(env),
    rateLimitPerMinute: integer(env, 'PARCOURS_RATE_LIMIT', 600, 0, 1_000_000),
    decisionCacheEvents: integer(env, 'PARCOURS_DECISION_CACHE_EVENTS', 100_000, 0, 10_000_000),
    demo,
    exportKey: exportKey(env),
    auth: authSettings(env, demo),
    keyDbPath: keyDbPath(env),
    keyEncryptionKey: keyEncryptionKey(env, demo),
  };
}

/** Example secrets from docs and tutorials: refused even when long enough. */
const EXAMPLE_SECRETS = ['changeme', 'change-me', 'your-256-bit-secret', 'secret', 'password', 'parcours'];

function authSettings(env: Env, demo: boolean): AppConfig['auth'] {
  const secret = env['PARCOURS_JWT_SECRET'];
  const jwksUrl = env['PARCOURS_JWKS_URL']?.trim() || undefined;
  const issuer = text(env, 'PARCOURS_JWT_ISSUER', 'parcours');
  const audience = text(env, 'PARCOURS_JWT_AUDIENCE', 'parcours-api');
  if (secret !== undefined && secret !== '' && jwksUrl) throw new ConfigError('PARCOURS_JWKS_URL', 'cannot be combined with PARCOURS_JWT_SECRET: choose one way to check tokens', jwksUrl);
  if (jwksUrl) {
    if (!/^https?:\/\/\S+$/.test(jwksUrl)) throw new ConfigError('PARCOURS_JWKS_URL', 'must be the http(s) URL of the identity provider JSON Web Key Set', jwksUrl);
    return { keys: { jwksUrl }, issuer, audience, generatedSecret: false };
  }
  if (secret === undefined || secret === '') {
    if (!demo) throw new ConfigError('PARCOURS_JWT_SECRET', 'is required outside demo mode (at least 32 characters, e.g. `openssl rand -base64 48`), or set PARCOURS_JWKS_URL', '');
    return { keys: { secret: randomBytes(48).toString('base64') }, issuer, audience, generatedSecret: true };
  }
  if (Buffer.byteLength(secret) < 32) throw new ConfigError('PARCOURS_JWT_SECRET', 'must be at least 32 characters (HS256 needs a 256-bit key)', '(secret not shown)');
  const lowered = secret.toLowerCase();
  if (new Set(secret).size < 10 || EXAMPLE_SECRETS.some((example) => lowered.includes(example))) {
    throw new ConfigError('PARCOURS_JWT_SECRET', 'looks like a default or example secret; generate one (openssl rand -base64 48)', '(secret not shown)');
  }
  return { keys: { secret }, issuer, audience, generatedSecret: false };
}

function exportKey(env: Env): string | undefined {
  const value = env['PARCOURS_EXPORT_KEY']?.trim() || undefined;
  try {
    exportKeyFrom({ PARCOURS_EXPORT_KEY: value });
  } catch (error) {
    if (error instanceof ExportKeyError) throw new ConfigError('PARCOURS_EXPORT_KEY', `is refused: ${error.message}`, '(secret not shown)');
    throw error;
  }
  return value;
}

/**
 * Comma-separated origins (scheme://host[:port], no path). No wildcard: the API carries bearer
 * tokens for personal data, so every origin allowed to read its answers is named.
 */
function corsOrigins(env: Env): string[] {
  const value = env['PARCOURS_CORS_ORIGINS']?.trim();
  if (!value) return [];
  const origins = value.split(',').map((origin) => origin.trim().replace(/\/$/, ''));
  for (const origin of origins) {
    if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin)) {
      throw new ConfigError('PARCOURS_CORS_ORIGINS', 'must be comma-separated origins like https://app.example.org or http://localhost:5173 (no wildcard, no path)', value);
    }
  }
  return origins;
}

/** Default: beside PARCOURS_DB (./data/parcours.sqlite → ./data/parcours-keys.sqlite), never the same file. */
function keyDbPath(env: Env): string {
  const dbPath = text(env, 'PARCOURS_DB', './data/parcours.sqlite');
  const beside = dbPath === ':memory:' ? ':memory:' : `${dirname(dbPath)}/${basename(dbPath, extname(dbPath))}-keys.sqlite`;
  const path = text(env, 'PARCOURS_KEY_DB', beside);
  if (path !== ':memory:' && resolve(path) === resolve(dbPath)) {
    throw new ConfigError('PARCOURS_KEY_DB', 'must be a file of its own, not PARCOURS_DB: the keys are kept apart from the data they open', path);
  }
  return path;
}

/** Required outside demo mode, like the token secret: without it the data keys would sit unwrapped, or be lost at restart. */
function keyEncryptionKey(env: Env, demo: boolean): string | undefined {
  const name = 'PARCOURS_KEY_ENCRYPTION_KEY';
  const value = env[name]?.trim() || undefined;
  if (value === undefined) {
    if (!demo) throw new ConfigError(name, 'is required outside demo mode: the base64 of 32 random bytes (e.g. `openssl rand -base64 32`), stored apart from the data', '');
    return undefined;
  }
  const bytes = Buffer.from(value, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || bytes.length !== 32) throw new ConfigError(name, 'must be the base64 of exactly 32 bytes (openssl rand -base64 32)', '(secret not shown)');
  if (new Set(bytes).size < 16) throw new ConfigError(name, 'does not look random; generate one (openssl rand -base64 32)', '(secret not shown)');
  return value;
}

function text(env: Env, name: string, fallback: string): string {
  const value = env[name];
  if (value === undefined) return fallback;
  if (value.trim() === '') throw new ConfigError(name, 'must not be empty', value);
  return value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max}`, value);
  return n;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!allowed.includes(value as T)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}`, value);
  return value as T;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!['true', 'false', '1', '0'].includes(value)) throw new ConfigError(name, 'must be true or false', value);
  return value === 'true' || value === '1';
}
