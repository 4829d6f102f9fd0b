import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

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
 * dist/ and under the test runner, which compiles TypeScript in memory only.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');
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
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  process.exit(0);
});
`;

export class WalCheckpointer {
  private readonly worker: Worker;
  private stopped = false;

  constructor(filename: string, options: { intervalMs?: number; onError?: (message: string) => void } = {}) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER, { eval: true, workerData: { filename, driver, intervalMs: options.intervalMs ?? 25 } });
    this.worker.on('message', (message: { error?: string }) => {
      if (message.error) options.onError?.(message.error);
    });
    // Checkpoints are an optimisation: SQLite's own (the backstop) still runs if this thread fails.
    this.worker.on('error', (error) => options.onError?.(error.message));
    this.worker.unref();
  }

  /** Asks the thread to close its connection and end; it does not keep the process alive meanwhile. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.worker.postMessage('stop');
  }
}
