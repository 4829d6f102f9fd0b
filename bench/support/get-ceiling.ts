import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';

/**
 * bench:replay's ceiling for GET /persons/:id/parcours, in a child process like the API: a bare
 * Fastify server answering every person with the same stored answer (a real one, taken from the API
 * in the same run), timed by the same client. No token, no access check, no read model, no render,
 * no audit: what one request costs this machine's two cores and loopback, the client included. It
 * is a bound, not a baseline to beat: the API cannot answer faster than a server that does nothing.
 */
export async function ceilingPhase(bodyFile: string): Promise<void> {
  const body = readFileSync(bodyFile);
  const fastify = Fastify({ logger: false });
  fastify.get('/persons/:id/parcours', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  process.on('message', (message: { type?: string }) => {
    if (message?.type !== 'stop') return;
    void fastify.close().then(() => process.send!({ type: 'stopped' }, () => process.exit(0)));
  });
  process.send!({ type: 'listening', port: (fastify.server.address() as AddressInfo).port });
}
