import { statSync } from 'node:fs';
import { type Command, CommanderError, InvalidArgumentError } from 'commander';
import { type EventStore, sequenceFromPosition, SqliteEventStore, StoreUnavailableError } from '@parcours/event-store';
import { migrateToEsdb } from '../migrate/migrate-to-esdb.js';
import { DEFAULT_RETRY } from '../migrate/retry.js';
import { progressDisplay } from '../migrate/progress-display.js';
import { summaryText } from '../migrate/summary-text.js';

interface MigrateCliOptions {
  to: string;
  from?: string;
  batch?: number;
  verify: boolean;
  progress: boolean;
}

// The API's rule for PARCOURS_ESDB_URL (apps/api/src/config/app-config.ts).
const ESDB_URL = /^esdb(\+discover)?:\/\/[^\s/]+/;

/**
 * `migrate --to <esdb url>`: copies the SQLite store into EventStoreDB. Exit 0 (copied and
 * verified), 1 (conflicts or mismatches), 2 (usage: bad URL, missing file, unreachable target).
 */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .requiredOption('--to <url>', 'the EventStoreDB connection string, e.g. esdb://localhost:2113?tls=false or esdb+discover://node1:2113')
    .option('--from <file>', 'the SQLite store to copy (default: PARCOURS_DB, else ./data/parcours.sqlite)')
    .option('--batch <n>', 'most events per append (default 500)', batchSize)
    .option('--no-verify', "do not read back each stream's count and last event id from the target")
    .option('--no-progress', 'no progress bar or progress lines on stderr')
    .description('copy every stream of the SQLite store into EventStoreDB: ids, order, data and recording times kept; re-running it copies nothing twice')
    // Usage errors (a missing option, an unknown one, a bad value) exit with 2, not commander's 1.
    .exitOverride((error: CommanderError) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (options: MigrateCliOptions) => {
      // Not command.error(): the program shows its help after those, which says nothing about a missing file or a dead server.
      const usage = (message: string): never => {
        console.error(`error: ${message}`);
        return process.exit(2);
      };
      if (!ESDB_URL.test(options.to)) usage(`--to must be an EventStoreDB connection string: esdb://host:2113?tls=false or esdb+discover://host:2113 (got "${redact(options.to)}")`);
      // Not cliConfig(): the rest of the API's configuration is irrelevant here and must not stop a migration.
      const from = options.from ?? (process.env['PARCOURS_DB']?.trim() || './data/parcours.sqlite');
      // Checked first: opening a missing file would create an empty store, and "0 events copied" would look like success.
      if (!isFile(from)) usage(`cannot read ${from}: no such file (set --from or PARCOURS_DB)`);

      // Raw adapters on both sides, never createEventStore's decorator: sealed person fields are
      // copied as stored, never opened, and the key store (PARCOURS_KEY_DB) serves both stores as is.
      const target = await openTarget(options.to, usage);
      let source: SqliteEventStore;
      try {
        source = new SqliteEventStore({ filename: from });
      } catch (error) {
        await target.close();
        return usage(`cannot open ${from} as a Parcours SQLite store: ${(error as Error).message}`);
      }

      const progress = options.progress ? progressDisplay(sequenceFromPosition(await source.headPosition())) : undefined;
      try {
        const summary = await migrateToEsdb(source, target, {
          limits: options.batch === undefined ? {} : { maxEvents: options.batch },
          verify: options.verify,
          onProgress: (p) => progress?.update(p),
          retry: { ...DEFAULT_RETRY, onRetry: ({ attempt, delayMs, error }) => console.error(`retrying in ${delayMs} ms (attempt ${attempt + 1}): ${error.message}`) },
        });
        progress?.stop();
        for (const line of summaryText(summary, { from, to: redact(options.to) })) console.log(line);
        process.exitCode = summary.conflicts.length || summary.verification?.mismatches.length ? 1 : 0;
      } catch (error) {
        progress?.stop();
        if (!(error instanceof StoreUnavailableError)) throw error;
        console.error(`error: EventStoreDB at ${redact(options.to)} became unreachable: ${error.message}`);
        console.error('What was copied is kept: run the same command again to continue where it stopped.');
        process.exitCode = 2;
      } finally {
        await Promise.all([source.close(), target.close()]);
      }
    });
}

/** The target, checked to answer: a bad URL or an unreachable server is a usage error. */
async function openTarget(url: string, usage: (message: string) => never): Promise<EventStore> {
  // Loaded only here: the gRPC client is heavy and the other commands do not need it.
  const { EsdbEventStore, InvalidConnectionStringError } = await import('@parcours/event-store/esdb');
  let target: EventStore;
  try {
    target = new EsdbEventStore({ connectionString: url });
  } catch (error) {
    if (error instanceof InvalidConnectionStringError) usage(error.message);
    throw error;
  }
  try {
    await target.ping();
  } catch (error) {
    await target.close().catch(() => undefined);
    if (error instanceof StoreUnavailableError) usage(`EventStoreDB at ${redact(url)} is unreachable (${error.message}); check --to and the server`);
    throw error;
  }
  return target;
}

function batchSize(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 10_000) throw new InvalidArgumentError('--batch must be a whole number from 1 to 10000');
  return n;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** `esdb://user:secret@host` → `esdb://user:***@host`: connection strings end up in logs. */
function redact(url: string): string {
  return url.replace(/^([^:/]+:\/\/[^:@/]+:)[^@/]*@/, '$1***@');
}
