import { Agent, get } from 'node:http';
import type { Timed } from './http-queries.js';

/**
 * One keep-alive connection and Node's plain `http` client, for the timed GETs of bench:replay.
 * `fetch` (undici behind WHATWG streams) costs the client itself about a millisecond per 40 KB
 * answer at the median here, and several at p99, on the same two cores as the server: measured
 * against this client in the same run on 2026-11-23, that was client-side time the server's own
 * hooks never saw (bench/support/server-timing.ts). The figure is still the time from sending the
 * request to having read the last byte of the body.
 */
export class LeanHttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  get(url: string, authorization: string): Promise<Timed> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      get(url, { agent: this.agent, headers: { authorization } }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve({ ms: performance.now() - started, status: response.statusCode ?? 0, bytes }));
        response.on('error', reject);
      }).on('error', reject);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
