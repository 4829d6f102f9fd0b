/**
 * What goes wrong, and older servers: failures reported as StoreUnavailableError (fast), a clear
 * error for a bad connection string, and the answers of servers without BatchAppend or without
 * positions in idempotent answers. Over real gRPC against the fake node (test/esdb-fake).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server, type Socket } from 'node:net';
import { startFakeEsdb } from '../../../../test/esdb-fake/index.js';
import { StoreUnavailableError } from '../errors.js';
import { InvalidConnectionStringError } from './esdb-errors.js';
import { EsdbEventStore } from './esdb-event-store.js';
import { cleanUp, collect, event, fakeNode, onCleanUp, storeOn } from './esdb-test-support.js';

afterEach(cleanUp);

describe('an unreachable server', () => {
  async function closedPort(): Promise<string> {
    const fake = await startFakeEsdb();
    await fake.stop();
    return fake.url; // nothing listens there any more: connections are refused
  }

  /** Accepts TCP connections and never says a word (a hung server, a black-holing proxy). */
  async function silentServer(): Promise<string> {
    const sockets = new Set<Socket>();
    const server: Server = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    onCleanUp(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    });
    return `esdb://127.0.0.1:${(server.address() as { port: number }).port}?tls=false`;
  }

  it('when nothing listens, then ping, append, reads and head reject quickly with StoreUnavailableError', async () => {
    const store = storeOn(await closedPort());
    const started = Date.now();
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.append('test-1', [event()], 'any')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(collect(store.readAll())).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(collect(store.readStream('test-1'))).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.headPosition()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('when the server never answers, then ping and append give up after their short deadlines', async () => {
    const store = storeOn(await silentServer(), { pingTimeoutMs: 150, operationTimeoutMs: 300 });
    let started = Date.now();
    await expect(store.ping()).rejects.toThrow(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(1500);
    started = Date.now();
    await expect(store.append('test-1', [event()], 'any')).rejects.toThrow(/did not answer|DEADLINE|deadline/i);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('connection strings', () => {
  const failure = (url: string): unknown => {
    try {
      new EsdbEventStore(url);
    } catch (error) {
      return error;
    }
    throw new Error(`${url} was accepted`);
  };

  it.each(['http://localhost:2113', 'esdb://localhost:port?tls=false', 'esdb://localhost:2113?tls=maybe'])(
    'rejects %s with an error that names it',
    (url) => {
      const error = failure(url);
      expect(error).toBeInstanceOf(InvalidConnectionStringError);
      expect((error as Error).message).toContain(`"${url}"`);
    },
  );

  it('hides the password when it names the connection string', () => {
    const error = failure('esdb://admin:changeit@localhost:x') as InvalidConnectionStringError;
    expect(error.message).toContain('"esdb://admin:***@localhost:x"');
    expect(error.connectionString).toBe('esdb://admin:***@localhost:x');
    expect(JSON.stringify({ ...error, message: error.message, cause: error.cause })).not.toContain('changeit');
  });
});

describe('older servers', () => {
  it('appends through Streams.Append when the server does not offer BatchAppend', async () => {
    const fake = await fakeNode({ batchAppend: false });
    const store = storeOn(fake.url);
    const batch = [event('A'), event('B')];
    const first = await store.append('test-1', batch, 'no_stream');
    expect(await store.append('test-1', batch, 'no_stream')).toEqual(first);
    await expect(store.append('test-1', [event()], 0)).rejects.toMatchObject({ code: 'WRONG_EXPECTED_VERSION', expected: 0, actual: 1 });
    expect(fake.calls.get('Append')).toBe(3);
    expect(fake.calls.get('BatchAppend')).toBeUndefined();
  });

  it('reads the position back when an idempotent retry is answered without one', async () => {
    const fake = await fakeNode({ positionOnRetry: false });
    const store = storeOn(fake.url);
    const batch = [event('A'), event('B')];
    const first = await store.append('test-1', batch, 'no_stream');
    const readsBefore = fake.calls.get('Read') ?? 0;
    expect(await store.append('test-1', batch, 'any')).toEqual(first);
    expect(fake.calls.get('Read')).toBe(readsBefore + 1);
  });
});
