import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Nest's metadata keys for @Controller/@Get paths and methods (@nestjs/common/constants). */
const PATH_METADATA = 'path';
const METHOD_METADATA = 'method';

/**
 * Every HTTP route the application's controllers declare, as "METHOD /path/:param": read from
 * Nest's own metadata, so a route added anywhere shows up here without being listed by hand.
 */
export function declaredRoutes(app: NestFastifyApplication): string[] {
  const routes = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type) continue;
      const base = normalise(Reflect.getMetadata(PATH_METADATA, type) as string | string[] | undefined);
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const path = normalise(Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined);
        routes.add(`${RequestMethod[method]} ${`/${[base, path].filter(Boolean).join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1')}`);
      }
    }
  }
  return [...routes].sort();
}

function normalise(path: string | string[] | undefined): string {
  const first = Array.isArray(path) ? path[0] : path;
  return (first ?? '').replace(/^\/+|\/+$/g, '');
}
