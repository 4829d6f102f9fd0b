import type { Command } from 'commander';
import type { EventStore } from '@parcours/event-store';
import { EVENT_STORE } from '../../../api/src/infrastructure/tokens.js';
import { withContext } from '../context.js';

/** `info`: which store, where, whether it answers, and the head of the log. */
export function registerInfo(program: Command): void {
  program
    .command('info')
    .description('show the configured event store, its health and the position of its last event')
    .action(async () => {
      await withContext(async (app, config) => {
        const store = app.get<EventStore>(EVENT_STORE);
        await store.ping();
        console.log(`store:    ${config.store}`);
        console.log(`location: ${config.store === 'sqlite' ? config.dbPath : config.esdbUrl}`);
        console.log(`head:     ${await store.headPosition()}`);
      });
    });
}
