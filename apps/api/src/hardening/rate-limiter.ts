/** A caller went over PARCOURS_RATE_LIMIT: answered 429 with Retry-After. */
export class RateLimitedError extends Error {
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests from this caller; retry in ${retryAfterSeconds} s (Retry-After)`);
    this.name = 'RateLimitedError';
  }
}

interface Bucket {
  tokens: number;
  at: number;
}

export type Admission = { readonly allowed: true; readonly remaining: number } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * A token bucket per caller: `perMinute` requests in a burst, refilled continuously at
 * `perMinute` a minute. Smoother than a fixed window, which lets 2 × limit through across the
 * boundary of two windows. In memory: with several API processes, each counts its own requests.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private sweptAt = 0;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isSafeInteger(perMinute) || perMinute < 1) throw new Error(`A rate limit is a whole number of requests a minute from 1, not ${perMinute}`);
    this.perMs = perMinute / 60_000;
  }

  admit(caller: string): Admission {
    const now = this.now();
    this.sweep(now);
    const bucket = this.buckets.get(caller) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(caller, bucket);
    if (bucket.tokens < 1) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
    bucket.tokens -= 1;
    return { allowed: true, remaining: Math.floor(bucket.tokens) };
  }

  /** Callers in memory (for tests): idle ones are forgotten once their bucket has refilled. */
  get size(): number {
    return this.buckets.size;
  }

  /** At most once a minute: a bucket idle for a minute is full again, as good as absent. */
  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [caller, bucket] of this.buckets) if (now - bucket.at >= 60_000) this.buckets.delete(caller);
  }
}
