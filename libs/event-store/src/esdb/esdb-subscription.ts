/**
 * The port's catch-up subscription on EventStoreDB: a `$all` subscription with a server-side
 * filter excluding system events, that survives dropped connections.
 *
 * - Delivery: strictly after the last *handled* position, one handler call at a time, in order.
 *   When the connection drops (server restart, network reset), it resubscribes after a backoff
 *   from that position: events received but not yet handled are simply received again, so the
 *   handler sees no gap and no duplicate.
 * - Caught up: the head of the log (last non-system event) is read before the first
 *   subscription; `onCaughtUp` is called once that event has been handled (at once when there
 *   is nothing to catch up). This works with servers that do not send `CaughtUp` messages.
 * - Ends: `stop()` resolves `done`; a handler error rejects it with that error (nothing after
 *   it is delivered); a store error that is not a connection failure, or too many failed
 *   attempts in a row, rejects it with StoreUnavailableError.
 */
import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import { StoreUnavailableError } from '../errors.js';
import type { Subscription, SubscriptionHandler } from '../event-store.port.js';
import type { Position } from '../position.js';
import { isConnectionError, translateError } from './esdb-errors.js';
import { isSystemEvent, toRecordedEvent } from './esdb-events.js';

export interface ReconnectPolicy {
  /** First wait after a failure; doubles after each further failure. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Failed attempts in a row before giving up (Infinity: never). */
  readonly maxAttempts: number;
  /** Told before each wait (for logs and metrics); what it throws is ignored. */
  readonly onRetry?: (retry: { readonly attempt: number; readonly delayMs: number; readonly error: unknown }) => void;
}

export interface SubscriptionSource {
  /** A filtered `$all` subscription delivering strictly after `from`. */
  open(from: Position): AllStreamSubscription;
  /** The position of the last non-system event (START when there is none). */
  head(): Promise<Position>;
}

class HandlerFailure {
  constructor(readonly error: unknown) {}
}

/** The server ended the subscription without an error: resubscribe, as after a drop. */
class EndedByServer extends Error {}

const STOP = Symbol('stop');

export function reconnectingSubscription(
  source: SubscriptionSource,
  from: Position,
  handler: SubscriptionHandler,
  policy: ReconnectPolicy,
): Subscription {
  let stopped = false;
  let signalStop!: () => void;
  const stopping = new Promise<typeof STOP>((resolve) => (signalStop = () => resolve(STOP)));
  let current: AllStreamSubscription | undefined;

  const run = async (): Promise<void> => {
    let last = from;
    let target: Position | undefined;
    let caughtUp = false;
    let failures = 0;
    const checkCaughtUp = () => {
      if (caughtUp || target === undefined || last < target) return;
      caughtUp = true;
      try {
        handler.onCaughtUp?.();
      } catch (error) {
        throw new HandlerFailure(error);
      }
    };

    while (!stopped) {
      try {
        if (target === undefined) {
          const head = await Promise.race([source.head(), stopping]);
          if (head === STOP) return;
          target = head;
          checkCaughtUp();
        }
        const subscription = source.open(last);
        current = subscription;
        subscription.on('error', () => undefined); // errors reach us through the iterator
        subscription.on('confirmation', () => (failures = 0));
        try {
          const events = subscription[Symbol.asyncIterator]() as AsyncIterator<AllStreamResolvedEvent>;
          for (;;) {
            const next = await Promise.race([events.next(), stopping]);
            if (next === STOP) return;
            if (next.done) throw new EndedByServer('EventStoreDB ended the subscription');
            const event = next.value.event;
            if (!event || isSystemEvent(event)) continue;
            const recorded = toRecordedEvent(event);
            if (recorded.position <= last) continue; // never twice, whatever the server resends
            try {
              await handler.onEvent(recorded);
            } catch (error) {
              throw new HandlerFailure(error);
            }
            last = recorded.position;
            checkCaughtUp();
            if (stopped) return;
          }
        } finally {
          current = undefined;
          await close(subscription);
        }
      } catch (error) {
        if (error instanceof HandlerFailure) throw error.error;
        if (stopped) return;
        if (!(error instanceof EndedByServer) && !isConnectionError(error)) throw translateError(error, 'subscription to $all');
        failures += 1;
        if (failures > policy.maxAttempts) {
          throw new StoreUnavailableError(
            `EventStoreDB subscription to $all gave up after ${policy.maxAttempts} failed attempts: ${(error as Error).message}`,
            { cause: error },
          );
        }
        if ((await backoff(failures, error, policy, stopping)) === STOP) return;
      }
    }
  };

  const done = run();
  done.catch(() => undefined); // the caller observes `done`; never an unhandled rejection
  return {
    done,
    async stop() {
      stopped = true;
      signalStop();
      if (current) await close(current);
      await done.catch(() => undefined);
    },
  };
}

async function close(subscription: AllStreamSubscription): Promise<void> {
  try {
    await subscription.unsubscribe();
  } catch {
    // the call never started or is already over
  }
  subscription.destroy();
}

/** Waits 2^(n-1) × the initial delay (capped, with jitter), or until stopped. */
function backoff(failures: number, error: unknown, policy: ReconnectPolicy, stopping: Promise<typeof STOP>): Promise<typeof STOP | void> {
  const exponential = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(failures - 1, 30));
  const delay = Math.round(exponential / 2 + (Math.random() * exponential) / 2);
  try {
    policy.onRetry?.({ attempt: failures, delayMs: delay, error });
  } catch {
    // a failing observer must not end the subscription
  }
  let timer: NodeJS.Timeout | undefined;
  const wait = new Promise<void>((resolve) => (timer = setTimeout(resolve, delay)));
  return Promise.race([wait, stopping]).finally(() => clearTimeout(timer));
}
