import { progressReporter, ratePerSecond } from '../progress-reporter.js';
import type { ImportProgress } from './import-summary.js';

export interface ProgressDisplay {
  update(progress: ImportProgress): void;
  stop(): void;
}

/** The import's progress: bytes read of the file, events/s, rejected lines. */
export function progressDisplay(totalBytes: number, stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  const started = Date.now();
  const reporter = progressReporter({ label: 'import', total: totalBytes, format: megabytes }, stream);
  return {
    update(p) {
      const events = p.eventsImported + p.duplicates;
      reporter.update(p.bytesRead, `${events} events, ${ratePerSecond(events, started)} events/s, ${p.rejectedLines} rejected`);
    },
    stop: () => reporter.stop(),
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
