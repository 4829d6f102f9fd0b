import { StoreUnavailableError } from '@parcours/event-store';

export interface RetryPolicy {
  /** Attempts per call when the target is unavailable (a dropped connection, a leader change). */
  readonly attempts: number;
  /** First wait; doubles after each failure. */
  readonly initialDelayMs: number;
  /** Told before each wait (the CLI prints it on stderr). */
  readonly onRetry?: (retry: { readonly attempt: number; readonly delayMs: number; readonly error: Error }) => void;
}

/** About eight seconds in all: long enough for a reconnection or a leader election, short enough to report a dead server. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, initialDelayMs: 250 };

/**
 * Runs `work` again while the store is unavailable. Only for calls that are safe to repeat: reads,
 * and appends with an exact expected revision (a retry of an append that did land is answered
 * with its first result). Anything else, or the last failure, is thrown.
 */
export async function withRetries<T>(work: () => Promise<T>, retry: RetryPolicy): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || attempt >= retry.attempts) throw error;
      const delayMs = retry.initialDelayMs * 2 ** (attempt - 1);
      retry.onRetry?.({ attempt, delayMs, error });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** Reads a whole (small) iterable under `withRetries`: a failed read starts again from the beginning. */
export function collectWithRetries<T>(read: () => AsyncIterable<T>, retry: RetryPolicy): Promise<T[]> {
  return withRetries(async () => {
    const out: T[] = [];
    for await (const item of read()) out.push(item);
    return out;
  }, retry);
}
