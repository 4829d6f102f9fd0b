import { Worker } from 'node:worker_threads';
import { describe, expect, it } from '@jest/globals';
import { CLOSED, OPEN, STARTING, ThreadConnectionState } from './thread-connection.js';

/**
 * A thread that runs the thread side of the protocol: it "opens" (slot 1 = 1), and on a message
 * waits a while, "closes" (slot 1 = 2) and only then reports closed.
 */
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const flag = workerData.flag;
if (Atomics.compareExchange(flag, 0, ${STARTING}, ${OPEN}) === ${STARTING}) {
  Atomics.store(flag, 1, 1);
  parentPort.postMessage('open');
  parentPort.once('message', () => setTimeout(() => {
    Atomics.store(flag, 1, 2);
    Atomics.store(flag, 0, ${CLOSED});
    Atomics.notify(flag, 0);
    parentPort.close();
  }, 150));
} else parentPort.postMessage('not opened');
`;

function startThread(flag: Int32Array): { worker: Worker; first: Promise<string> } {
  const worker = new Worker(THREAD, { eval: true, workerData: { flag } });
  return { worker, first: new Promise((resolve) => worker.once('message', resolve)) };
}

describe('a connection held by a thread, closed synchronously by its owner', () => {
  it('given a thread with its connection open, when the owner closes, then close returns only once the thread has closed it', async () => {
    const state = new ThreadConnectionState(new Int32Array(new SharedArrayBuffer(8)));
    const { worker, first } = startThread(state.flag);
    expect(await first).toBe('open');

    let asked = 0;
    const closed = state.closeFromOwner(() => {
      asked++;
      worker.postMessage('close');
    });

    expect({ closed, asked, connection: Atomics.load(state.flag, 1) }).toEqual({ closed: true, asked: 1, connection: 2 });
    await worker.terminate();
  });

  it('given a thread not started yet, when the owner closes, then it returns at once and the thread never opens', async () => {
    const state = new ThreadConnectionState(new Int32Array(new SharedArrayBuffer(8)));
    let asked = 0;
    expect(state.closeFromOwner(() => asked++)).toBe(true);
    const { worker, first } = startThread(state.flag);

    expect(await first).toBe('not opened');
    expect({ asked, connection: Atomics.load(state.flag, 1) }).toEqual({ asked: 0, connection: 0 });
    await worker.terminate();
  });

  it('given a thread that does not answer, when the owner closes, then it gives up after the timeout and says so', () => {
    const state = new ThreadConnectionState();
    expect(state.beginOpen()).toBe(true);
    expect(state.closeFromOwner(() => undefined, 50)).toBe(false);
    state.markClosed();
    expect(state.closeFromOwner(() => undefined)).toBe(true);
  });
});
