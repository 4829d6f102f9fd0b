/**
 * `startFakeEsdb()`: a single insecure EventStoreDB node on 127.0.0.1, spoken to over real gRPC.
 * The gRPC server listens on an internal ephemeral port behind a TCP relay on the public port,
 * so a test can drop every connection, or stop and start the node on the same port, while the
 * in-memory log (and so every event) is kept.
 */
import { Server, ServerCredentials, status, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import { appendHandler, batchAppendHandler } from './append-service.js';
import { EventLog, type LogEvent } from './event-log.js';
import { ReadReq, ServerFeaturesService, StreamsService, SupportedMethod, SupportedMethods } from './proto.js';
import { readHandler } from './read-service.js';
import { TcpProxy } from './tcp-proxy.js';

export interface FakeEsdbOptions {
  /** The public port; default: an ephemeral one (kept across stop/start). */
  readonly port?: number;
  /** Advertise `Streams.BatchAppend`, as servers since 21.10 do (default). Off: clients use `Streams.Append`. */
  readonly batchAppend?: boolean;
  /**
   * Include the position in the answer to an idempotent retry (default true). Off, such answers
   * carry only the revision, as some server versions reply.
   */
  readonly positionOnRetry?: boolean;
  /** Write a few system events (`$`-prefixed streams and types) into a new log, as a real node does. Default true. */
  readonly seedSystemEvents?: boolean;
  readonly clock?: () => Date;
}

export interface FakeEsdb {
  /** Connection string for `EventStoreDBClient.connectionString`. */
  readonly url: string;
  readonly port: number;
  /** The node's data: survives stop/start. */
  readonly log: EventLog;
  /** Stops listening and cuts every connection; the data is kept. */
  stop(): Promise<void>;
  /** Listens again on the same port, with the same data. */
  start(): Promise<void>;
  /** Resets every client connection; the node keeps running. */
  dropConnections(): Promise<void>;
  /** gRPC calls received, by method (`Read`, `Read (subscription)`, `Append`, `BatchAppend`, `GetSupportedMethods`...). */
  readonly calls: ReadonlyMap<string, number>;
  /** Writes an event as the server itself would (any stream name or type, `$` ones included). */
  appendSystemEvent(streamId: string, type: string, data?: object): LogEvent;
}

const SERVER_VERSION = '23.10.0 (fake)';

export async function startFakeEsdb(options: FakeEsdbOptions = {}): Promise<FakeEsdb> {
  const log = new EventLog(options.clock);
  const appendSystemEvent = (streamId: string, type: string, data: object = {}): LogEvent => {
    const outcome = log.append(streamId, { kind: 'any' }, [
      { id: randomUUID(), type, contentType: 'application/json', data: Buffer.from(JSON.stringify(data)), customMetadata: new Uint8Array() },
    ]);
    if (outcome.kind !== 'success') throw new Error('system append failed');
    return log.stream(streamId)[Number(outcome.currentRevision)]!;
  };
  if (options.seedSystemEvents ?? true) {
    appendSystemEvent('$$$scavenges', '$metadata', { $maxAge: 2_592_000 });
    appendSystemEvent('$settings', '$settings', { $userStreamAcl: { $r: '$all' } });
  }

  const calls = new Map<string, number>();
  let running: { grpc: Server; proxy: TcpProxy } | undefined;
  let port = options.port ?? 0;
  const start = async () => {
    if (running) return;
    const grpc = grpcServer(log, calls, { batchAppend: options.batchAppend ?? true, positionOnRetry: options.positionOnRetry ?? true });
    const internalPort = await new Promise<number>((resolve, reject) =>
      grpc.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    try {
      const proxy = await TcpProxy.listen(port, internalPort);
      port = proxy.port;
      running = { grpc, proxy };
    } catch (error) {
      grpc.forceShutdown();
      throw error;
    }
  };
  await start();

  return {
    get url() {
      return `esdb://127.0.0.1:${port}?tls=false`;
    },
    get port() {
      return port;
    },
    log,
    calls,
    start,
    async stop() {
      if (!running) return;
      const { grpc, proxy } = running;
      running = undefined;
      await proxy.close();
      grpc.forceShutdown();
    },
    async dropConnections() {
      running?.proxy.dropConnections();
    },
    appendSystemEvent,
  };
}

function grpcServer(log: EventLog, calls: Map<string, number>, settings: { batchAppend: boolean; positionOnRetry: boolean }): Server {
  const server = new Server();
  const counted = <H extends (...args: never[]) => void>(name: string, handler: H) =>
    ((...args: Parameters<H>) => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      handler(...args);
    }) as H;
  const read = readHandler(log);
  const unimplemented = (_call: unknown, callback: sendUnaryData<never>) =>
    callback({ code: status.UNIMPLEMENTED, details: 'not modelled by the fake EventStoreDB' });
  server.addService(StreamsService, {
    read: (call: Parameters<typeof read>[0]) => {
      const subscribing = call.request.getOptions()?.getCountOptionCase() === ReadReq.Options.CountOptionCase.SUBSCRIPTION;
      counted(subscribing ? 'Read (subscription)' : 'Read', read)(call);
    },
    append: counted('Append', appendHandler(log, settings)),
    batchAppend: counted('BatchAppend', batchAppendHandler(log, settings)),
    delete: counted('Delete', unimplemented),
    tombstone: counted('Tombstone', unimplemented),
  });
  server.addService(ServerFeaturesService, {
    getSupportedMethods: counted('GetSupportedMethods', (_call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<InstanceType<typeof SupportedMethods>>) => {
      const methods = ['read', 'append', 'delete', 'tombstone', ...(settings.batchAppend ? ['batchappend'] : [])].map((name) =>
        new SupportedMethod().setServiceName('event_store.client.streams.streams').setMethodName(name),
      );
      methods.push(new SupportedMethod().setServiceName('event_store.client.server_features.serverfeatures').setMethodName('getsupportedmethods'));
      callback(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(SERVER_VERSION));
    }),
  });
  return server;
}
