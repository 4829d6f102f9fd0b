import cliProgress from 'cli-progress';

export interface ExportProgress {
  update(done: number): void;
  stop(): void;
}

/** Below this many persons an export takes a moment: no progress at all. */
const LARGE_COHORT = 1000;
/** Plain lines when stderr is not a terminal (CI logs, pipes): one every few seconds. */
const PLAIN_EVERY_MS = 5000;

/**
 * Progress of an export on stderr, so stdout keeps only the written paths: a bar over the persons
 * written when stderr is a terminal, with persons/s and ETA; else a plain line every five seconds.
 */
export function exportProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): ExportProgress {
  if (total < LARGE_COHORT) return { update() {}, stop() {} };
  const started = Date.now();
  const rate = (done: number) => Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: `${label} |{bar}| {percentage}% | {value} of {total} persons | {rate} persons/s | ETA {eta_formatted}`, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { rate: 0 });
    return { update: (done) => bar.update(done, { rate: rate(done) }), stop: () => bar.stop() };
  }
  let last = started;
  return {
    update(done) {
      const now = Date.now();
      if (now - last < PLAIN_EVERY_MS && done < total) return;
      last = now;
      stream.write(`${label}: ${done} of ${total} persons (${Math.floor((done / total) * 100)}%), ${rate(done)} persons/s\n`);
    },
    stop() {},
  };
}
