import { describe, expect, it } from '@jest/globals';
import { RateLimiter } from './rate-limiter.js';

describe('the per-caller rate limiter (token bucket)', () => {
  const clock = (start = 0) => {
    const c = { t: start, now: () => c.t };
    return c;
  };

  it('lets a burst of the limit through, then refuses with the seconds until one more request may pass', () => {
    const c = clock();
    const limiter = new RateLimiter(3, c.now);
    expect([1, 2, 3].map(() => limiter.admit('sub:a'))).toEqual([
      { allowed: true, remaining: 2 },
      { allowed: true, remaining: 1 },
      { allowed: true, remaining: 0 },
    ]);
    // 3 a minute: one request every 20 s.
    expect(limiter.admit('sub:a')).toEqual({ allowed: false, retryAfterSeconds: 20 });
    c.t = 15_000;
    expect(limiter.admit('sub:a')).toEqual({ allowed: false, retryAfterSeconds: 5 });
    c.t = 20_000;
    expect(limiter.admit('sub:a')).toEqual({ allowed: true, remaining: 0 });
  });

  it('counts each caller apart', () => {
    const limiter = new RateLimiter(1, clock().now);
    expect(limiter.admit('sub:a').allowed).toBe(true);
    expect(limiter.admit('sub:a').allowed).toBe(false);
    expect(limiter.admit('sub:b').allowed).toBe(true);
    expect(limiter.admit('ip:127.0.0.1').allowed).toBe(true);
  });

  it('never refills beyond the limit, and forgets callers idle for a minute', () => {
    const c = clock();
    const limiter = new RateLimiter(2, c.now);
    limiter.admit('sub:a');
    c.t = 3_600_000;
    expect([limiter.admit('sub:a'), limiter.admit('sub:a'), limiter.admit('sub:a')].map((a) => a.allowed)).toEqual([true, true, false]);
    limiter.admit('sub:b');
    expect(limiter.size).toBe(2);
    c.t += 120_000;
    limiter.admit('sub:c');
    expect(limiter.size).toBe(1);
  });

  it('refuses a limit that is not a positive whole number (0 means no limiter at all)', () => {
    expect(() => new RateLimiter(0)).toThrow(/whole number/);
    expect(() => new RateLimiter(1.5)).toThrow(/whole number/);
  });
});
