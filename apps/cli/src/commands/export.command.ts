import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { EXPORT_KINDS } from '@parcours/domain';
import { SEQUENCE_FIELDS } from '@parcours/domain';
import { csvStream } from '../../../api/src/exports/csv-stream.js';
import { exportRequest } from '../../../api/src/exports/export-request.js';
import { ResearchExports } from '../../../api/src/exports/research-exports.js';
import { BadRequestParameterError } from '../../../api/src/application/application-errors.js';
import { withContext } from '../context.js';
import { catchUpParcours } from '../export/catch-up.js';
import { exportProgress } from '../export/export-progress.js';

interface ExportOptions {
  kind: string;
  project: string;
  field?: string;
  origin?: string;
  out: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `export <cohortId> --kind <kind> --project <name>`: a research file and its JSON metadata, as the API serves them. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .argument('<cohortId>', 'the cohort id (UUID)')
    .requiredOption('--kind <kind>', `the file: ${EXPORT_KINDS.join(', ')}`)
    .requiredOption('--project <name>', 'the research project: pseudonyms are keyed per project (PARCOURS_EXPORT_KEY)')
    .option('--field <field>', `${SEQUENCE_FIELDS.join(', ')}: required for sequences, a filter for spells, events and alphabet`)
    .option('--origin <rule>', 'month 0: entry (default) or first_contact')
    .option('--out <dir>', 'the directory to write <kind>[-<field>].csv and .json into', '.')
    .description('write a research export of a cohort (CSV + JSON metadata): members with research consent only, pseudonymised per project')
    .action(async (cohortId: string, options: ExportOptions) => {
      // Checked before opening the store: a typo costs nothing.
      const request = exportRequest(options.kind, options.field, options.project, options.origin);
      if (!UUID.test(cohortId)) throw new BadRequestParameterError('cohortId', 'isUUID', 'must be a cohort id (UUID)');
      await withContext(async (app) => {
        await catchUpParcours(app);
        const exports = app.get(ResearchExports);
        if (!exports.stablePseudonyms) {
          process.stderr.write('warning: PARCOURS_EXPORT_KEY is not set: pseudonyms come from a random key and will not match another run\n');
        }
        const prepared = await exports.prepare(cohortId.toLowerCase(), request);
        mkdirSync(options.out, { recursive: true });
        const csvPath = join(options.out, prepared.fileName);
        const jsonPath = csvPath.replace(/\.csv$/, '.json');
        const progress = exportProgress(prepared.fileName, prepared.file.batchCount);
        try {
          await pipeline(
            csvStream(prepared.file, (done) => progress.update(done)),
            createWriteStream(csvPath),
          );
        } finally {
          progress.stop();
        }
        writeFileSync(jsonPath, `${JSON.stringify(prepared.metadata, null, 2)}\n`);
        const { exported, leftOut } = prepared.file.consent;
        console.log(`${csvPath}: ${exported} persons with research consent${leftOut > 0 ? ' (others left out)' : ''}`);
        console.log(jsonPath);
      });
    });
}
