import { basename, dirname } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export interface UiRoutesOptions {
  /** The folder of the pages' HTML, JS and CSS. */
  readonly publicDir: string;
  /** Vendor bundle name → absolute path (ui-files.ts). */
  readonly vendor: ReadonlyMap<string, string>;
}

/**
 * Files the pages are made of: plain names only (no folders), never the .d.ts / .d.js type stubs.
 * The check also applies to reply.sendFile, hence the dots of "vega.min.js".
 */
const ASSET = /^[a-z0-9][a-z0-9.-]*\.(?:js|css|html|svg)$/;
const TYPE_STUB = /\.d\.(?:js|ts)$/;

/**
 * The browser pages under /ui. They hold no data: each page asks the API with the token the user
 * gives it, so these routes need none and are registered on Fastify directly, outside Nest's
 * authentication guard (like the API docs). Every answer is revalidated (ETag) rather than
 * cached blind, so a new build is picked up at the next load.
 */
export async function uiRoutes(fastify: FastifyInstance, options: UiRoutesOptions): Promise<void> {
  const { publicDir, vendor } = options;
  await fastify.register(fastifyStatic, {
    root: publicDir,
    prefix: '/ui/assets/',
    index: false,
    cacheControl: false,
    allowedPath: (path) => ASSET.test(path.replace(/^\//, '')) && !TYPE_STUB.test(path),
    setHeaders: (res) => res.setHeader('cache-control', 'no-cache'),
  });

  const page = (file: string) => async (_: unknown, reply: FastifyReply) => reply.header('cache-control', 'no-cache').sendFile(file, publicDir, { cacheControl: false });
  // The pages link their assets relatively ("assets/…" from /ui/, "../assets/…" from a person's
  // page), which works behind a path prefix too; /ui without the slash would resolve them wrongly.
  fastify.get('/ui', async (_, reply) => reply.redirect('/ui/', 301));
  fastify.get('/ui/', page('index.html'));
  fastify.get('/ui/persons/:id', page('person.html'));
  fastify.get('/ui/cohorts/:id', page('cohort.html'));

  fastify.get<{ Params: { file: string } }>('/ui/vendor/:file', async (request, reply) => {
    const path = vendor.get(request.params.file);
    if (!path) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile(basename(path), dirname(path), { cacheControl: false });
  });
}
