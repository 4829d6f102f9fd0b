import cliProgress from 'cli-progress';

/**
 * Progress of a long CLI task on stderr (stdout keeps only the summary): a cli-progress bar when
 * stderr is a terminal, else a plain line every few seconds (CI logs, pipes; nothing at all for a
 * short task). One implementation for import, migrate, demo, rebuild and export.
 */
export interface ProgressReporter {
  /** `done` out of the total; `detail` is the task's own figures ("120 events/s, 3 rejected"). */
  update(done: number, detail?: string): void;
  setTotal(total: number): void;
  stop(): void;
}

export interface ProgressSpec {
  readonly label: string;
  readonly total: number;
  /** What is counted, after the numbers: "events", "persons"; empty when `format` says it. */
  readonly unit?: string;
  /** How to print an amount (e.g. bytes as MB). */
  readonly format?: (n: number) => string;
}

const PLAIN_EVERY_MS = 5000;

export function progressReporter(spec: ProgressSpec, stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const format = spec.format ?? ((n: number) => String(n));
  const unit = spec.unit ? ` ${spec.unit}` : '';
  let total = Math.max(spec.total, 1);
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: `${spec.label} |{bar}| {percentage}% | {shown} of {shownTotal}${unit} | {detail} | ETA {eta_formatted}`, hideCursor: true, etaBuffer: 100 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { shown: format(0), shownTotal: format(spec.total), detail: '' });
    return {
      update: (done, detail = '') => {
        // The work may grow while it runs (appends during a migration): the total follows.
        if (done > total) bar.setTotal((total = done));
        bar.update(Math.min(done, total), { shown: format(done), shownTotal: format(total), detail });
      },
      setTotal: (n) => bar.setTotal((total = Math.max(n, 1))),
      stop: () => bar.stop(),
    };
  }
  const started = Date.now();
  let last = started;
  return {
    update(done, detail = '') {
      const now = Date.now();
      if (now - last < PLAIN_EVERY_MS) return;
      last = now;
      const share = Math.min(done / total, 1);
      const eta = share > 0 ? ((now - started) / share - (now - started)) / 1000 : Number.NaN;
      stream.write(
        `${spec.label}: ${Math.floor(share * 100)}% (${format(done)} of ${format(total)}${unit})${detail ? `, ${detail}` : ''}, ETA ${Number.isFinite(eta) ? Math.ceil(eta) : '?'} s\n`,
      );
    },
    setTotal: (n) => void (total = Math.max(n, 1)),
    stop() {},
  };
}

/** Items per second since `started`. */
export function ratePerSecond(count: number, started: number): number {
  return Math.round(count / Math.max((Date.now() - started) / 1000, 0.001));
}
