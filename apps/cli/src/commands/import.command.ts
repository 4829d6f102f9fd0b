import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { type Command, CommanderError } from 'commander';
import { CommandBus } from '@nestjs/cqrs';
import { PersonStreamRepository } from '../../../api/src/persons/person-stream.repository.js';
import { withContext } from '../context.js';
import { importNdjson, type ImportPorts } from '../import/ndjson-importer.js';
import { progressDisplay } from '../import/progress-display.js';
import { summaryText } from '../import/summary-text.js';

interface ImportCliOptions {
  bestEffort?: boolean;
  organisation?: string;
  user?: string;
  report?: string;
  progress: boolean;
}

// The API's rules for X-User-Id and X-Organisation-Id: the same recorder, whichever way events come in.
const USER = /^[\w.@:-]{1,128}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const HELP = `
Lines: {"person": "<uuid>", "eventId": "<uuid>", "type": "...", "occurredAt": "<EDTF>", "provenance": "...",
        "organisation"?: {...}, "after"?: "<eventId>", "note"?: "...", "data": {...}}
  A person's first line is its PersonRegistered. Blank lines are skipped.
  Keep each person's lines together (sort by person): a person whose lines come back after another
  person's is imported again from there, appended in file order, as a separate unit.

Each person goes through the same command handlers as the API, so every rule of the domain applies.
All or nothing (default): if one line of a person is refused, nothing of that person is written and
all its lines are reported. The whole person is checked before anything is written, then written in
batches of 500 events: only what the check cannot see (the store failing between two batches, an
eventId already used by another person) can leave part of a person written; fix and re-run.
Lines already stored (same eventId, same content) are counted as duplicates: re-running is safe.

Exit codes: 0 all imported, 1 some lines rejected (or the import stopped), 2 usage error.`;

/** `import <file.ndjson>`: appends histories from a file through the command bus. Exit 0, 1 (lines rejected) or 2 (usage). */
export function registerImport(program: Command): void {
  program
    .command('import')
    .argument('<file>', 'ndjson file: one event per line, {"person": "<uuid>", "eventId": "<uuid>", "type": ..., "data": {...}}')
    .option('--best-effort', "keep a person's valid events when some of its lines are rejected (default: all or nothing per person)")
    .option('--organisation <uuid>', 'the recording organisation, stored in every event (recordedBy.organisationId)')
    .option('--user <id>', 'the recording user, stored in every event (recordedBy.userId)')
    .option('--report <file>', 'write every rejected line to this file, one JSON object per line')
    .option('--no-progress', 'no progress bar or progress lines on stderr')
    .description('import person histories from an ndjson file, sorted by person; re-running it writes nothing twice')
    .addHelpText('after', HELP)
    // Usage errors (a missing argument, an unknown option, a bad value) exit with 2, not commander's 1.
    .exitOverride((error: CommanderError) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (file: string, options: ImportCliOptions, command: Command) => {
      const usage = (message: string): never => command.error(`error: ${message}`, { exitCode: 2 });
      const size = fileSize(file) ?? usage(`cannot read ${file}: no such file`);
      if (options.organisation !== undefined && !UUID.test(options.organisation)) usage('--organisation must be an organisation id (UUID)');
      if (options.user !== undefined && !USER.test(options.user)) usage('--user must be 1-128 letters, digits or . @ : _ -');
      const source = basename(file);
      const metadata = {
        requestId: `import:${source}`,
        source,
        recordedBy: { userId: options.user ?? null, organisationId: options.organisation?.toLowerCase() ?? null },
      };
      const mode = options.bestEffort ? 'best-effort' : 'all-or-nothing';
      const report = options.report === undefined ? undefined : (openReport(options.report) ?? usage(`cannot write the report to ${options.report}`));

      const summary = await withContext(async (app) => {
        const bus = app.get(CommandBus);
        const repository = app.get(PersonStreamRepository);
        const ports: ImportPorts = { execute: (c) => bus.execute(c), load: (personId) => repository.load(personId) };
        const progress = options.progress ? progressDisplay(size) : undefined;
        try {
          return await importNdjson(file, ports, {
            mode,
            metadata,
            onProgress: (p) => progress?.update(p),
            onRejected: report === undefined ? undefined : (line) => writeSync(report, `${JSON.stringify(line)}\n`),
          });
        } finally {
          progress?.stop();
          if (report !== undefined) closeSync(report);
        }
      });
      for (const line of summaryText(summary, { file, mode, reportPath: options.report })) console.log(line);
      process.exitCode = summary.rejectedLines.total || summary.aborted ? 1 : 0;
    });
}

function fileSize(file: string): number | undefined {
  try {
    const stats = statSync(file);
    return stats.isFile() ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

function openReport(path: string): number | undefined {
  try {
    return openSync(path, 'w');
  } catch {
    return undefined;
  }
}
