import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';

/**
 * In-process wake-ups, shared by every store opened on the same file: a live subscription waits
 * for one of these (an append through any store of this process) or for its poll interval (an
 * append by another process, which sends no signal).
 */
const appendSignals = new Map<string, EventEmitter>();

export function signalFor(filename: string): EventEmitter {
  const key = filename === ':memory:' ? `:memory:${Math.random()}` : resolve(filename);
  let signal = appendSignals.get(key);
  if (!signal) {
    signal = new EventEmitter();
    signal.setMaxListeners(0);
    appendSignals.set(key, signal);
  }
  return signal;
}

/** Resolves on the next append signal or after `pollMs`, whichever comes first; cancellable. */
export function waitForAppend(signal: EventEmitter, pollMs: number): { promise: Promise<void>; cancel(): void } {
  let cancel = () => undefined as void;
  const promise = new Promise<void>((wake) => {
    const timer = setTimeout(done, pollMs);
    function done() {
      clearTimeout(timer);
      signal.off('append', done);
      wake();
    }
    signal.on('append', done);
    cancel = done;
  });
  return { promise, cancel };
}
