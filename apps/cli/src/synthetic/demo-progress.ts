import cliProgress from 'cli-progress';

export interface DemoProgress {
  update(persons: number, events: number): void;
  stop(): void;
}

/** Plain lines instead of a bar when stderr is not a terminal (CI logs, pipes): one every few seconds. */
const PLAIN_EVERY_MS = 5000;

/**
 * Progress over the persons on stderr, so stdout keeps only the summary: a cli-progress bar on a
 * terminal, else a plain line every five seconds (nothing at all for a short run).
 */
export function demoProgress(verb: string, totalPersons: number, stream: NodeJS.WriteStream = process.stderr): DemoProgress {
  const started = Date.now();
  const rate = (events: number) => Math.round(events / Math.max((Date.now() - started) / 1000, 0.001));
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: `${verb} |{bar}| {percentage}% | {value}/{total} persons | {events} events, {rate} events/s | ETA {eta_formatted}`, hideCursor: true, etaBuffer: 200 },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(totalPersons, 1), 0, { events: 0, rate: 0 });
    return { update: (persons, events) => bar.update(persons, { events, rate: rate(events) }), stop: () => bar.stop() };
  }
  let last = started;
  return {
    update(persons, events) {
      const now = Date.now();
      if (now - last < PLAIN_EVERY_MS) return;
      last = now;
      const share = totalPersons > 0 ? persons / totalPersons : 1;
      const eta = share > 0 ? ((now - started) / share - (now - started)) / 1000 : NaN;
      stream.write(`${verb}: ${persons} of ${totalPersons} persons (${Math.floor(share * 100)}%), ${events} events, ${rate(events)} events/s, ETA ${Number.isFinite(eta) ? Math.ceil(eta) : '?'} s\n`);
    },
    stop() {},
  };
}
