import cliProgress from 'cli-progress';
import type { MigrationProgress } from './migration-summary.js';

export interface ProgressDisplay {
  update(progress: MigrationProgress): void;
  stop(): void;
}

/** Plain lines instead of a bar when stderr is not a terminal (CI logs, pipes): one every few seconds. */
const PLAIN_EVERY_MS = 5000;

/**
 * Progress on stderr, so stdout keeps only the summary. `totalEvents` comes from the source's head
 * (SQLite positions are row sequences, so the head is the count): a bar over the events read when
 * stderr is a terminal, with events/s and ETA; else a plain line every five seconds (nothing at
 * all for a short run). Verification, which reads one event per stream, gets a bar of its own.
 */
export function progressDisplay(totalEvents: number, stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  const started = Date.now();
  const rate = (p: MigrationProgress) => Math.round(p.eventsRead / Math.max((Date.now() - started) / 1000, 0.001));
  let total = Math.max(totalEvents, 1);
  let phase: MigrationProgress['phase'] = 'copy';

  if (stream.isTTY) {
    const bar = (format: string) => new cliProgress.SingleBar({ stream, format, hideCursor: true, etaBuffer: 100 }, cliProgress.Presets.shades_classic);
    let current = bar('migrate |{bar}| {percentage}% | {value} of {total} events | {rate} events/s | {copied} copied, {already} already there, {conflicts} conflicts | ETA {eta_formatted}');
    current.start(total, 0, { rate: 0, copied: 0, already: 0, conflicts: 0 });
    return {
      update(p) {
        if (p.phase === 'verify' && phase === 'copy') {
          phase = 'verify';
          current.stop();
          current = bar('verify  |{bar}| {percentage}% | {value} of {total} streams | ETA {eta_formatted}');
          current.start(Math.max(p.streams, 1), 0);
        }
        if (phase === 'verify') return current.update(p.streamsVerified);
        // The source may grow while we copy: the total follows.
        if (p.eventsRead > total) current.setTotal((total = p.eventsRead));
        current.update(p.eventsRead, { rate: rate(p), copied: p.copied, already: p.alreadyThere, conflicts: p.conflicts });
      },
      stop: () => current.stop(),
    };
  }

  let last = started;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < PLAIN_EVERY_MS) return;
      last = now;
      if (p.phase === 'verify') {
        stream.write(`verify: ${p.streamsVerified} of ${p.streams} streams\n`);
        return;
      }
      const share = Math.min(p.eventsRead / total, 1);
      const eta = share > 0 ? ((now - started) / share - (now - started)) / 1000 : NaN;
      stream.write(
        `migrate: ${Math.floor(share * 100)}% (${p.eventsRead} of ${total} events), ${rate(p)} events/s, ` +
          `${p.copied} copied, ${p.alreadyThere} already there, ${p.conflicts} conflicts, ETA ${Number.isFinite(eta) ? Math.ceil(eta) : '?'} s\n`,
      );
    },
    stop() {},
  };
}
