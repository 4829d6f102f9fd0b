import { readFileSync } from 'node:fs';

/**
 * Resident set size, two ways. In the measured process: `process.memoryUsage.rss()` every 50 ms on
 * a timer (which fires only when the event loop is free: the count of samples says how often it
 * was), and the kernel's own high-water mark (`VmHWM` in /proc/self/status) at the end, which
 * misses nothing. From outside: the parent reads the child's `VmRSS` every 50 ms.
 */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private peak = 0;
  private count = 0;
  private longestGapMs = 0;
  private last = 0;

  constructor(private readonly sample: () => number | undefined = () => process.memoryUsage.rss(), private readonly everyMs = 50) {}

  start(): this {
    this.stop();
    this.peak = 0;
    this.count = 0;
    this.longestGapMs = 0;
    this.last = performance.now();
    this.take();
    this.timer = setInterval(() => this.take(), this.everyMs);
    this.timer.unref();
    return this;
  }

  /** The figures so far; stops sampling. */
  stop(): RssSamples {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.last) this.take();
    return { peakBytes: this.peak, samples: this.count, longestGapMs: Math.round(this.longestGapMs) };
  }

  private take(): void {
    const t = performance.now();
    this.longestGapMs = Math.max(this.longestGapMs, t - this.last);
    this.last = t;
    const rss = this.sample();
    if (rss === undefined) return;
    this.count += 1;
    this.peak = Math.max(this.peak, rss);
  }
}

export interface RssSamples {
  readonly peakBytes: number;
  readonly samples: number;
  /** Longest time between two samples: a blocked event loop delays the timer. */
  readonly longestGapMs: number;
}

/** A `Vm…:` line of /proc/<pid>/status, in bytes; undefined off Linux or once the process is gone. */
export function procStatusBytes(field: 'VmHWM' | 'VmRSS', pid: number | 'self' = 'self'): number | undefined {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export const mib = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 2 ** 20).toFixed(0)} MiB`);
