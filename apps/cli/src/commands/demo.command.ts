import { type Command, CommanderError, InvalidArgumentError } from 'commander';
import { CommandBus } from '@nestjs/cqrs';
import { PersonStreamRepository } from '../../../api/src/persons/person-stream.repository.js';
import { withContext } from '../context.js';
import type { ImportPorts } from '../import/ndjson-importer.js';
import { demoProgress, type DemoProgress } from '../synthetic/demo-progress.js';
import { generateCohort } from '../synthetic/generate-cohort.js';
import { loadCohort, type LoadSummary } from '../synthetic/load-cohort.js';
import { writeCohortFile, type WrittenCohort } from '../synthetic/write-cohort.js';

interface DemoOptions {
  persons: number;
  seed: string;
  events: number;
  out?: string;
  progress: boolean;
}

const HELP = `
Paths are synthetic (illustrative costs included) and follow the domain: referrals, care follow-ups,
hospital stays and psychiatric readmissions, rehabilitation, relapses, trainings, workshops (Article 23,
ACI) with their exits, coaching, internships, hires, housing, income, justice, losses to follow-up,
consents, vague dates of every EDTF form, late entries, a few corrections and retractions.
The same seed gives the same persons and the same ids: loading twice writes nothing the second time.
Without --out, persons go through the same command handlers as the API and the import (all or nothing
per person). Exit codes: 0 done, 1 some lines rejected, 2 usage error.`;

const count = (name: string, min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}`);
  return n;
};

/** `demo --persons N [--seed S] [--out file.ndjson]`: a seeded synthetic cohort, loaded or written. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .requiredOption('--persons <n>', 'how many persons to generate', count('--persons', 1, 10_000_000))
    .option('--seed <seed>', 'seed of the generator (any text): the same seed gives the same persons and ids', '1')
    .option('--events <n>', 'average number of events per person', count('--events', 5, 1000), 50)
    .option('--out <file>', 'only write the cohort to this ndjson file (the import format); load nothing')
    .option('--no-progress', 'no progress bar or progress lines on stderr')
    .description('generate a seeded synthetic cohort and load it into the configured store, or write it as ndjson')
    .addHelpText('after', HELP)
    .exitOverride((error: CommanderError) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (options: DemoOptions) => {
      const cohort = generateCohort({ seed: options.seed, persons: options.persons, eventsPerPerson: options.events });
      const started = Date.now();
      const progress = options.progress ? demoProgress(options.out ? 'write' : 'load', options.persons) : undefined;
      if (options.out) {
        const out = options.out;
        const written = await stopping(progress, () => writeCohortFile(cohort, out, (w) => progress?.update(w.persons, w.events)));
        for (const line of writtenText(written, options, Date.now() - started)) console.log(line);
        return;
      }
      const metadata = { requestId: `demo:seed-${options.seed}`, source: `synthetic cohort, seed ${options.seed}`, recordedBy: { userId: 'demo', organisationId: null } };
      const summary = await withContext(async (app) => {
        const bus = app.get(CommandBus);
        const repository = app.get(PersonStreamRepository);
        const ports: ImportPorts = { execute: (c) => bus.execute(c), load: (personId) => repository.load(personId) };
        return stopping(progress, () => loadCohort(cohort, ports, { metadata, onPerson: (p) => progress?.update(p.persons, p.lines) }));
      });
      for (const line of loadedText(summary, options)) console.log(line);
      process.exitCode = summary.rejectedLines ? 1 : 0;
    });
}

async function stopping<T>(progress: DemoProgress | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    progress?.stop();
  }
}

const perSecond = (events: number, ms: number) => Math.round(events / Math.max(ms / 1000, 0.001));

function writtenText(w: WrittenCohort, o: DemoOptions, ms: number): string[] {
  return [
    `demo: seed ${o.seed}, ${w.persons} synthetic persons written to ${o.out}`,
    `events:     ${w.events} (${(w.bytes / 1024 / 1024).toFixed(1)} MB)`,
    `time:       ${(ms / 1000).toFixed(1)} s, ${perSecond(w.events, ms)} events/s`,
    `load it:    npm run cli -- import ${o.out}`,
  ];
}

function loadedText(s: LoadSummary, o: DemoOptions): string[] {
  const out = [
    `demo: seed ${o.seed}, ${s.persons} synthetic persons`,
    `persons:    ${s.personsImported} imported, ${s.personsUnchanged} unchanged, ${s.personsRejected} rejected`,
    `events:     ${s.eventsImported} imported, ${s.duplicates} duplicates skipped (${s.lines} generated)`,
    `rejected:   ${s.rejectedLines} lines`,
    `time:       ${(s.elapsedMs / 1000).toFixed(1)} s, ${perSecond(s.eventsImported + s.duplicates, s.elapsedMs)} events/s`,
  ];
  if (s.rejected.length) out.push('', 'rejected lines (line numbers as in --out):', ...s.rejected.map((r) => `  line ${r.line}: ${r.code} ${r.reason}`));
  return out;
}
