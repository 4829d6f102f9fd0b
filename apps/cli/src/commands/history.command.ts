import type { Command } from 'commander';
import { QueryBus } from '@nestjs/cqrs';
import { GetPersonEventsQuery, type PersonEventsPage } from '../../../api/src/persons/queries/get-person-events.query.js';
import { withContext } from '../context.js';

/** `history <personId>`: a person's raw events, one line each, valid and recorded time. */
export function registerHistory(program: Command): void {
  program
    .command('history')
    .argument('<personId>', 'the person id (UUID)')
    .option('--json', 'print JSON lines instead of text')
    .description("print a person's raw history: revision, valid time, type, recorded time")
    .action(async (personId: string, options: { json?: boolean }) => {
      await withContext(async (app) => {
        const queries = app.get(QueryBus);
        let from: number | null = 0;
        while (from !== null) {
          const page: PersonEventsPage = await queries.execute(new GetPersonEventsQuery(personId, from, 1000));
          for (const e of page.events) {
            if (options.json) console.log(JSON.stringify(e));
            else console.log(`${String(e.revision).padStart(4)}  ${e.validTime.edtf.padEnd(12)} ${e.type.padEnd(28)} recorded ${e.recordedAt}`);
          }
          from = page.nextRevision;
        }
      });
    });
}
