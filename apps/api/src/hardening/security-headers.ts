import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config.js';

/**
 * Content-Security-Policy for the API's own pages (Swagger UI at /docs, the future /ui pages):
 * scripts from this origin only, never inline or eval'd. Swagger UI needs inline styles (its page
 * has <style> blocks, React sets style attributes) and data: images (icons in its CSS); so does
 * vega-embed (it injects its stylesheet). No upgrade-insecure-requests: the API may be served over
 * plain HTTP behind a TLS proxy or on localhost, where it would break every page.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** Headers a browser would let a cross-origin page send and read (only with PARCOURS_CORS_ORIGINS). */
const CORS_REQUEST_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'X-Request-Id', 'X-Purpose'];
const CORS_EXPOSED_HEADERS = ['ETag', 'Location', 'X-Request-Id', 'X-Parcours-Stale', 'Idempotent-Replayed', 'Retry-After', 'Content-Disposition'];

/**
 * The headers helmet sets with these options, captured once by running its middleware on a
 * recording response. None of them depends on the request (no CSP nonces), so every answer gets
 * the same set: helmet's own middleware would run a dozen functions per request, and the Fastify
 * plugin rebuilt it per request (parsing the CSP directives each time), a tenth of an append's CPU.
 */
export function securityHeaders(): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let failure: unknown;
  helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, frameguard: { action: 'deny' } })(
    {} as IncomingMessage,
    recorder as unknown as ServerResponse,
    (error?: unknown) => void (failure = error),
  );
  if (failure) throw failure;
  return Object.freeze(headers);
}

/** Security headers on every answer, errors included; CORS only for the origins configured, else off. */
export async function applySecurityHeaders(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const headers = securityHeaders();
  app.getHttpAdapter().getInstance().addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: [...config.corsOrigins],
      methods: ['GET', 'POST', 'PUT', 'DELETE'],
      allowedHeaders: CORS_REQUEST_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      maxAge: 600,
    });
  }
}
