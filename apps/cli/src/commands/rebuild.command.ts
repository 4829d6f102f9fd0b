import type { Command } from 'commander';
import { ProjectionCatalog, ProjectionRunner } from '../../../api/src/projections/index.js';
import { withContext } from '../context.js';
import { progressReporter } from '../progress-reporter.js';

/** `rebuild [projection]`: drops a read model and rebuilds it from the start of the log. */
export function registerRebuild(program: Command): void {
  program
    .command('rebuild')
    .argument('[projection]', 'the projection to rebuild (default: all)')
    .description('rebuild read models from the whole event log, with progress, events/s and ETA')
    .action(async (name: string | undefined) => {
      await withContext(async (app) => {
        const runner = app.get(ProjectionRunner);
        const names = name ? [name] : app.get(ProjectionCatalog).all().map((d) => d.name);
        for (const projection of names) {
          const reporter = progressReporter({ label: projection, total: 0, unit: 'events' });
          const result = await runner.rebuild(projection, (progress) => {
            if (progress.total !== null) reporter.setTotal(progress.total);
            reporter.update(progress.processed, `${Math.round(progress.eventsPerSecond)} events/s`);
          });
          reporter.stop();
          const seconds = result.durationMs / 1000;
          console.log(`${projection}: rebuilt from ${result.processed} events in ${seconds.toFixed(1)} s (${Math.round(result.processed / Math.max(seconds, 0.001))} events/s), checkpoint ${result.checkpoint}`);
        }
      });
    });
}
