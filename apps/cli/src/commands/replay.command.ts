import type { Command } from 'commander';
import { QueryBus } from '@nestjs/cqrs';
import type { ParcoursView } from '@parcours/domain';
import { GetParcoursQuery } from '../../../api/src/parcours/get-parcours.query.js';
import { ParcoursReplay } from '../../../api/src/parcours/replay.query.js';
import { withContext } from '../context.js';
import { parcoursText } from '../parcours-text.js';

/** `replay <personId>`: a person's path as text, as known now or at a past date, or step by step. */
export function registerReplay(program: Command): void {
  program
    .command('replay')
    .argument('<personId>', 'the person id (UUID)')
    .option('--as-known-at <timestamp>', 'only what had been recorded by then (ISO 8601)')
    .option('--as-lived-at <date>', 'only what had happened by then (EDTF)')
    .option('--steps', 'print the path after each recorded event')
    .description('print a person\'s parcours as text (bitemporal: --as-known-at, --as-lived-at)')
    .action(async (personId: string, options: { asKnownAt?: string; asLivedAt?: string; steps?: boolean }) => {
      const asKnownAt = options.asKnownAt ? new Date(options.asKnownAt) : undefined;
      if (asKnownAt && Number.isNaN(asKnownAt.getTime())) throw new Error(`--as-known-at: not a timestamp: ${options.asKnownAt}`);
      await withContext(async (app) => {
        if (options.steps) {
          const frames = await app.get(ParcoursReplay).frames(personId, { ...(options.asLivedAt ? { asLivedAt: options.asLivedAt } : {}), ...(asKnownAt ? { asKnownAt } : {}) });
          for await (const frame of frames) console.log(`\n#${frame.step} ${frame.type} recorded ${frame.recordedAt}\n${parcoursText(frame.view)}`);
          return;
        }
        const view: ParcoursView = await app.get(QueryBus).execute(new GetParcoursQuery(personId, options.asLivedAt, asKnownAt));
        console.log(parcoursText(view));
      });
    });
}
