import type { RecordedEvent, Subscription, SubscriptionHandler } from './event-store.port.js';
import type { Position } from './position.js';

export interface PollingSource {
  /** Up to `max` events strictly after `after`, in log order. */
  readAfter(after: Position, max: number): RecordedEvent[] | Promise<RecordedEvent[]>;
  /**
   * Resolves when new events may be there: on an in-process append or after `pollMs` (appends
   * from other processes sharing the file are only seen by polling). Returns a canceller.
   */
  waitForChange(pollMs: number): { promise: Promise<void>; cancel(): void };
}

export interface PollingOptions {
  readonly pageSize?: number;
  readonly pollMs?: number;
}

/**
 * A catch-up subscription for stores that can be read by position: read pages until a page comes
 * back empty (caught up), then wait for a change and read again. One handler call at a time, in
 * order; a handler error ends the subscription with that error, so no event is ever skipped.
 */
export function pollingSubscription(
  source: PollingSource,
  fromPosition: Position,
  handler: SubscriptionHandler,
  options: PollingOptions = {},
): Subscription {
  const pageSize = options.pageSize ?? 500;
  const pollMs = options.pollMs ?? 250;
  let stopped = false;
  let cancelWait: (() => void) | undefined;

  const run = async (): Promise<void> => {
    let last = fromPosition;
    let caughtUp = false;
    while (!stopped) {
      const page = await source.readAfter(last, pageSize);
      for (const event of page) {
        if (stopped) return;
        await handler.onEvent(event);
        last = event.position;
      }
      if (page.length === pageSize) continue;
      if (!caughtUp) {
        caughtUp = true;
        handler.onCaughtUp?.();
      }
      if (stopped) return;
      const wait = source.waitForChange(pollMs);
      cancelWait = wait.cancel;
      await wait.promise;
      cancelWait = undefined;
    }
  };

  const done = run();
  done.catch(() => undefined); // the caller observes `done`; never an unhandled rejection
  return {
    done,
    async stop() {
      stopped = true;
      cancelWait?.();
      await done.catch(() => undefined);
    },
  };
}
