/**
 * The state of a SQLite connection held by a worker thread, shared with the thread that owns it
 * (one Int32 in a SharedArrayBuffer), so that closing is synchronous: once the owner's `close()`
 * returns, no connection to the file is left open in this process. Without it the thread closed
 * its connection some time later — or, slow to start, opened it — while the caller was already
 * deleting or copying the file: in CI a test's temporary directory failed to delete (ENOTEMPTY:
 * WAL files written into the directory while it was being deleted).
 *
 *   STARTING → OPEN     the thread, just before it opens its connection;
 *   STARTING → CLOSED   the owner, closing before the thread has started: it never opens one;
 *   OPEN     → CLOSED   the thread, once its connection is closed (asked by a message).
 *
 * wal-checkpointer.ts runs the thread side of this protocol in evaluated JavaScript (it cannot
 * import this module): the numbers below are the protocol.
 */
export const STARTING = 0;
export const OPEN = 1;
export const CLOSED = 2;

/** The message an owner sends to ask its thread to close the connection. */
export const CLOSE_THREAD_CONNECTION = 'close';

/** Longest the owner waits for the thread to close: past it, the thread is taken as gone. */
const CLOSE_TIMEOUT_MS = 5_000;

export class ThreadConnectionState {
  constructor(readonly flag: Int32Array = new Int32Array(new SharedArrayBuffer(4))) {}

  /** Thread side: true if the connection may be opened (the owner has not closed first). */
  beginOpen(): boolean {
    return Atomics.compareExchange(this.flag, 0, STARTING, OPEN) === STARTING;
  }

  /** Thread side, once its connection is closed (or failed to open). */
  markClosed(): void {
    Atomics.store(this.flag, 0, CLOSED);
    Atomics.notify(this.flag, 0);
  }

  /**
   * Owner side. Returns at once if the thread had not opened its connection (it never will);
   * otherwise calls `askToClose` and blocks until the thread reports it closed. Blocking is
   * what makes `close()` mean closed; it lasts as long as one passive checkpoint or one batch of
   * summaries, at shutdown only. Returns false if the thread did not answer in time.
   */
  closeFromOwner(askToClose: () => void, timeoutMs = CLOSE_TIMEOUT_MS): boolean {
    if (Atomics.compareExchange(this.flag, 0, STARTING, CLOSED) === STARTING) return true;
    if (Atomics.load(this.flag, 0) === CLOSED) return true;
    askToClose();
    Atomics.wait(this.flag, 0, OPEN, timeoutMs);
    return Atomics.load(this.flag, 0) === CLOSED;
  }
}
