import { Command } from 'commander';
import { registerHistory } from './commands/history.command.js';
import { registerImport } from './commands/import.command.js';
import { registerInfo } from './commands/info.command.js';
import { registerRebuild } from './commands/rebuild.command.js';
import { registerReplay } from './commands/replay.command.js';
import { registerDocs } from './commands/docs.command.js';
import { registerMigrate } from './commands/migrate.command.js';
import { registerDemo } from './commands/demo.command.js';
import { registerExport } from './commands/export.command.js';
import { registerToken } from './commands/token.command.js';

/** `npm run cli -- <command>`: operations on the same store and application layer as the API. */
const program = new Command()
  .name('parcours')
  .description('Parcours command line: operations on the event store and its histories')
  .showHelpAfterError();

registerInfo(program);
registerHistory(program);
registerRebuild(program);
registerReplay(program);
registerDocs(program);
registerImport(program);
registerMigrate(program);
registerDemo(program);
registerExport(program);
registerToken(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const e = error as { code?: string; message?: string };
  console.error(`error${e.code ? ` ${e.code}` : ''}: ${e.message ?? String(error)}`);
  process.exit(1);
});
