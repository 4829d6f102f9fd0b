import { progressReporter, ratePerSecond, type ProgressReporter } from '../progress-reporter.js';
import type { MigrationProgress } from './migration-summary.js';

export interface ProgressDisplay {
  update(progress: MigrationProgress): void;
  stop(): void;
}

/**
 * The migration's progress: events read of the source's head (SQLite positions are row
 * sequences, so the head is the count), then, in a second bar, the streams verified.
 */
export function progressDisplay(totalEvents: number, stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  const started = Date.now();
  let phase: MigrationProgress['phase'] = 'copy';
  let current: ProgressReporter = progressReporter({ label: 'migrate', total: totalEvents, unit: 'events' }, stream);
  return {
    update(p) {
      if (p.phase === 'verify' && phase === 'copy') {
        phase = 'verify';
        current.stop();
        current = progressReporter({ label: 'verify', total: p.streams, unit: 'streams' }, stream);
      }
      if (phase === 'verify') return current.update(p.streamsVerified);
      current.update(p.eventsRead, `${ratePerSecond(p.eventsRead, started)} events/s, ${p.copied} copied, ${p.alreadyThere} already there, ${p.conflicts} conflicts`);
    },
    stop: () => current.stop(),
  };
}
