import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { ProjectionCatalog, ProjectionRunner } from '../../../api/src/projections/index.js';
import { withContext } from '../context.js';

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
          const bar = process.stderr.isTTY
            ? new SingleBar({ format: `${projection} [{bar}] {percentage}% | {value}/{total} events | {speed} ev/s | ETA {eta_formatted}`, stream: process.stderr }, Presets.shades_classic)
            : undefined;
          let lastLine = 0;
          const result = await runner.rebuild(projection, (progress) => {
            const speed = Math.round(progress.eventsPerSecond);
            if (bar) {
              if (!bar.getTotal()) bar.start(progress.total ?? progress.processed, 0, { speed });
              bar.setTotal(progress.total ?? progress.processed);
              bar.update(progress.processed, { speed });
            } else if (Date.now() - lastLine > 5000) {
              lastLine = Date.now();
              process.stderr.write(`${projection}: ${progress.processed}${progress.total ? `/${progress.total}` : ''} events, ${speed} ev/s\n`);
            }
          });
          bar?.stop();
          const seconds = result.durationMs / 1000;
          console.log(`${projection}: rebuilt from ${result.processed} events in ${seconds.toFixed(1)} s (${Math.round(result.processed / Math.max(seconds, 0.001))} events/s), checkpoint ${result.checkpoint}`);
        }
      });
    });
}
