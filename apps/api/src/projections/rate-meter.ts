/** Events per second over a sliding window (the last few seconds), for the status page. */
export class RateMeter {
  private samples: { at: number; count: number }[] = [];

  constructor(
    private readonly windowMs = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  record(count: number): void {
    const at = this.now();
    this.samples.push({ at, count });
    this.prune(at);
  }

  perSecond(): number {
    const at = this.now();
    this.prune(at);
    const first = this.samples[0];
    if (!first) return 0;
    const total = this.samples.reduce((sum, s) => sum + s.count, 0);
    // Measured from the first sample of the window, but over at least a second, so that one
    // batch that just landed does not read as millions of events per second.
    const spanMs = Math.max(1000, at - first.at);
    return Math.round((total * 10000) / spanMs) / 10;
  }

  private prune(at: number): void {
    const from = at - this.windowMs;
    while (this.samples.length > 0 && this.samples[0]!.at <= from) this.samples.shift();
  }
}
