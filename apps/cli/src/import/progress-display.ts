import cliProgress from 'cli-progress';
import type { ImportProgress } from './import-summary.js';

export interface ProgressDisplay {
  update(progress: ImportProgress): void;
  stop(): void;
}

/** Plain lines instead of a bar when stderr is not a terminal (CI logs, pipes): one every few seconds. */
const PLAIN_EVERY_MS = 5000;

/**
 * Progress on stderr, so stdout keeps only the summary: a cli-progress bar over the bytes read when
 * stderr is a terminal, else a plain line every five seconds (nothing at all for a short import).
 */
export function progressDisplay(totalBytes: number, stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  const started = Date.now();
  const rate = (p: ImportProgress) => Math.round((p.eventsImported + p.duplicates) / Math.max((Date.now() - started) / 1000, 0.001));
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: 'import |{bar}| {percentage}% | {read} of {size} | {events} events, {rate} events/s | {rejected} rejected | ETA {eta_formatted}',
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(totalBytes, 1), 0, { read: megabytes(0), size: megabytes(totalBytes), events: 0, rate: 0, rejected: 0 });
    return {
      update: (p) => bar.update(Math.min(p.bytesRead, totalBytes), { read: megabytes(p.bytesRead), events: p.eventsImported + p.duplicates, rate: rate(p), rejected: p.rejectedLines }),
      stop: () => bar.stop(),
    };
  }
  let last = started;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < PLAIN_EVERY_MS) return;
      last = now;
      const share = totalBytes > 0 ? Math.min(p.bytesRead / totalBytes, 1) : 1;
      const eta = share > 0 ? ((now - started) / share - (now - started)) / 1000 : NaN;
      stream.write(
        `import: ${Math.floor(share * 100)}% (${megabytes(p.bytesRead)} of ${megabytes(totalBytes)}), ` +
          `${p.eventsImported + p.duplicates} events, ${rate(p)} events/s, ${p.rejectedLines} rejected, ETA ${Number.isFinite(eta) ? Math.ceil(eta) : '?'} s\n`,
      );
    },
    stop() {},
  };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
