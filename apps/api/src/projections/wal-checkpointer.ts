import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { CLOSE_THREAD_CONNECTION, ThreadConnectionState } from './thread-connection.js';

/**
 * Checkpoints a WAL-mode SQLite file from a thread of its own. A checkpoint copies the WAL into
 * the database file and syncs both; run by SQLite itself (`wal_autocheckpoint`), it runs inside
 * whichever commit crosses the threshold, on the thread that commits. For the read models that is
 * the projection runner: a catch-up writing hundreds of megabytes spent a fifth of its time waiting
 * for those syncs, and a live batch could wait for one too. Here a worker thread with its own
 * connection runs PASSIVE checkpoints (they never block readers or writers) every `intervalMs`,
 * while the runner's connection keeps SQLite's own checkpoints only as a backstop, far above.
 *
 * The worker is plain JavaScript, evaluated (not a module file): it runs the same way from
 * dist/ and under the test runner, which compiles TypeScript in memory only. It runs the thread
 * side of thread-connection.ts by hand: 0 starting, 1 open, 2 closed.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const state = workerData.state;
const closed = () => { Atomics.store(state, 0, 2); Atomics.notify(state, 0); };
if (Atomics.compareExchange(state, 0, 0, 1) === 0) {
  let db;
  try {
    db = new (require(workerData.driver))(workerData.filename, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
  } catch (error) {
    if (db) db.close();
    closed();
    throw error;
  }
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      parentPort.postMessage({ error: String(error && error.message || error) });
    } finally {
      running = false;
    }
  }, workerData.intervalMs);
  parentPort.once('message', () => {
    clearInterval(timer);
    db.close();
    closed();
    parentPort.close();
  });
}
`;

export class WalCheckpointer {
  private readonly worker: Worker;
  private readonly state = new ThreadConnectionState();
  private stopped = false;

  constructor(filename: string, options: { intervalMs?: number; onError?: (message: string) => void } = {}) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER, { eval: true, workerData: { filename, driver, intervalMs: options.intervalMs ?? 25, state: this.state.flag } });
    this.worker.on('message', (message: { error?: string }) => {
      if (message.error) options.onError?.(message.error);
    });
    // Checkpoints are an optimisation: SQLite's own (the backstop) still runs if this thread fails.
    this.worker.on('error', (error) => options.onError?.(error.message));
    // A thread that ended has no connection left (the driver closes it as the thread ends).
    this.worker.on('exit', () => this.state.markClosed());
    this.worker.unref();
  }

  /**
   * Closes the thread's connection and returns once it is closed (thread-connection.ts): the
   * caller may then close its own, as the last one, and delete or copy the file. The thread ends
   * by itself; it never keeps the process alive.
   */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (!this.state.closeFromOwner(() => this.worker.postMessage(CLOSE_THREAD_CONNECTION))) void this.worker.terminate();
  }
}
