import { comparePositions, type Position } from '@parcours/event-store';

export interface WaitResult {
  /** The checkpoint had reached (or passed) the position before the timeout. */
  readonly reached: boolean;
  /** The projection's checkpoint when the wait ended. */
  readonly checkpoint: Position;
}

interface Waiter {
  readonly target: Position;
  readonly timer: NodeJS.Timeout;
  readonly resolve: (result: WaitResult) => void;
}

/** Callers waiting for a projection's checkpoint to reach a position (read-your-writes). */
export class PositionWaiters {
  private readonly pending = new Set<Waiter>();

  /** `current` reads the checkpoint; it is read again at the timeout (another process may have moved it). */
  wait(target: Position, timeoutMs: number, current: () => Position): Promise<WaitResult> {
    const now = current();
    if (comparePositions(now, target) >= 0) return Promise.resolve({ reached: true, checkpoint: now });
    if (timeoutMs <= 0) return Promise.resolve({ reached: false, checkpoint: now });
    return new Promise((resolve) => {
      const waiter: Waiter = {
        target,
        resolve,
        timer: setTimeout(() => {
          this.pending.delete(waiter);
          let checkpoint = now;
          try {
            checkpoint = current();
          } catch {
            // the database is closing: report what we knew
          }
          resolve({ reached: comparePositions(checkpoint, target) >= 0, checkpoint });
        }, timeoutMs),
      };
      this.pending.add(waiter);
    });
  }

  /** The checkpoint moved: release everyone it satisfies. */
  notify(checkpoint: Position): void {
    for (const waiter of this.pending) {
      if (comparePositions(checkpoint, waiter.target) < 0) continue;
      this.settle(waiter, { reached: true, checkpoint });
    }
  }

  /** The runner stops: nobody waits for a checkpoint that will not move. */
  releaseAll(checkpoint: Position): void {
    for (const waiter of this.pending) {
      this.settle(waiter, { reached: comparePositions(checkpoint, waiter.target) >= 0, checkpoint });
    }
  }

  private settle(waiter: Waiter, result: WaitResult): void {
    clearTimeout(waiter.timer);
    this.pending.delete(waiter);
    waiter.resolve(result);
  }
}
