import { type Command, InvalidArgumentError, Option } from 'commander';
import { ORGANISATION_ID_PATTERN, ROLES, SUBJECT_PATTERN, type Role } from '../../../api/src/auth/principal.js';
import { mintToken } from '../../../api/src/auth/tokens.js';
import { ConfigError, loadConfig } from '../../../api/src/config/app-config.js';

/**
 * `token --role <role> [--org <id>] [--sub <user>]`: mints a bearer token signed with the
 * server's PARCOURS_JWT_SECRET, for local use (an identity provider issues them in production).
 */
export function registerToken(program: Command): void {
  program
    .command('token')
    .description('mint a bearer token for local use, signed with PARCOURS_JWT_SECRET (the server must use the same secret)')
    .addOption(new Option('--role <role>', 'the role the token grants').choices([...ROLES]).makeOptionMandatory())
    .option('--org <organisationId>', 'the organisation (UUID): required for caseworkers', (v: string) => check(v, ORGANISATION_ID_PATTERN, '--org must be an organisation id (UUID)'))
    .option('--sub <user>', 'the user id recorded in events and the audit trail', (v: string) => check(v, SUBJECT_PATTERN, '--sub must be 1-128 letters, digits or . @ : _ -'), 'local.user')
    .option('--ttl <hours>', 'lifetime in hours', (v: string) => hours(v), 8)
    .action(async (options: { role: Role; org?: string; sub: string; ttl: number }) => {
      if (options.role === 'caseworker' && !options.org) throw new InvalidArgumentError('a caseworker token needs --org: caseworkers are scoped to their organisation');
      if (!process.env['PARCOURS_JWT_SECRET']) {
        throw new ConfigError('PARCOURS_JWT_SECRET', 'must be set to the secret the server checks tokens with (e.g. `openssl rand -base64 48`)', '');
      }
      const { auth } = loadConfig(process.env, []);
      if (!('secret' in auth.keys)) throw new ConfigError('PARCOURS_JWKS_URL', 'is set: tokens then come from the identity provider, not from this command', '');
      const token = await mintToken(
        { role: options.role, sub: options.sub, organisationId: options.org ?? null, ttlSeconds: Math.round(options.ttl * 3600) },
        { secret: auth.keys.secret, issuer: auth.issuer, audience: auth.audience },
      );
      console.log(token);
    });
}

function check(value: string, pattern: RegExp, message: string): string {
  if (!pattern.test(value)) throw new InvalidArgumentError(message);
  return value;
}

function hours(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 24 * 30) throw new InvalidArgumentError('--ttl must be a number of hours from 0 to 720');
  return n;
}
