/**
 * A loopback TCP relay in front of the gRPC server, so tests can cut every client connection
 * (a network reset, seen by the client as a dropped HTTP/2 session) without stopping the server.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export class TcpProxy {
  private constructor(
    private readonly server: Server,
    private readonly sockets: Set<Socket>,
    readonly port: number,
  ) {}

  /** Listens on 127.0.0.1:`port` (0: an ephemeral port) and relays to 127.0.0.1:`targetPort`. */
  static listen(port: number, targetPort: number): Promise<TcpProxy> {
    const sockets = new Set<Socket>();
    const server = createServer((client) => {
      const upstream = connect({ host: '127.0.0.1', port: targetPort });
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.setNoDelay(true);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port, exclusive: true }, () => {
        server.off('error', reject);
        const address = server.address();
        if (!address || typeof address === 'string') return reject(new Error('proxy has no TCP address'));
        resolve(new TcpProxy(server, sockets, address.port));
      });
    });
  }

  /** Resets every open connection (both sides), as a network failure would. */
  dropConnections(): void {
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
