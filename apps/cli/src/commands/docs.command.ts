import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { renderEventsMarkdown } from '../docs/events-markdown.js';

/** `docs:events`: regenerates docs/events.md from the event catalogue (a test checks it is current). */
export function registerDocs(program: Command): void {
  program
    .command('docs:events')
    .option('--out <file>', 'where to write', 'docs/events.md')
    .description('write docs/events.md from the event catalogue')
    .action((options: { out: string }) => {
      writeFileSync(options.out, renderEventsMarkdown());
      console.log(`wrote ${options.out}`);
    });
}
