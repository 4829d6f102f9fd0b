import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventStore } from '@parcours/event-store';
import request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { EVENT_STORE } from '../../apps/api/src/infrastructure/tokens.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** What an error body may hold: our one shape, never a stack, a file path or a raw driver message. */
function expectCleanError(body: Record<string, unknown>, text: string, statusCode: number) {
  expect(body).toMatchObject({ statusCode, error: expect.any(String), code: expect.any(String), message: expect.any(String), requestId: expect.any(String) });
  expect(Object.keys(body).every((key) => ['statusCode', 'error', 'code', 'message', 'errors', 'details', 'requestId'].includes(key))).toBe(true);
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|\.[jt]s:\d+|node_modules|\/work\/|"stack"/);
}

/** Security headers, CORS, rate limiting, body limits, error bodies (issue #7, item 7). */
describe('hardening', () => {
  describe('with the default configuration', () => {
    let t: TestApp;
    let http: ReturnType<typeof request>;
    beforeAll(async () => {
      t = await startTestApp('sqlite', { PARCOURS_BODY_LIMIT: '4096' });
      http = request(t.app.getHttpServer());
    });
    afterAll(async () => t?.close());

    it('sends the security headers on answers and on errors', async () => {
      for (const res of [await http.get('/health'), await http.get('/nowhere'), await (await t.as('admin')).get('/admin/projections')]) {
        const csp = res.headers['content-security-policy'] as string;
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self';");
        expect(csp).toContain("script-src-attr 'none'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('unsafe-eval');
        expect(res.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'DENY',
          'referrer-policy': 'no-referrer',
          'cross-origin-opener-policy': 'same-origin',
          'strict-transport-security': expect.stringMatching(/^max-age=\d+/),
        });
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('still serves Swagger UI at /docs: its page loads scripts from this origin only, none inline', async () => {
      const page = await http.get('/docs').redirects(1).expect(200);
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, inline] of scripts) {
        const src = /src=["']([^"']+)["']/.exec(attributes!)?.[1];
        expect(src).toBeDefined();
        expect(src).not.toMatch(/^(https?:)?\/\//);
        expect(inline!.trim()).toBe('');
        await http.get(new URL(src!, 'http://x/docs').pathname).expect(200).expect('content-type', /javascript/);
      }
    });

    it('sends no CORS headers: a page on another origin cannot read answers', async () => {
      const res = await http.get('/health').set('Origin', 'https://evil.example');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await http.options('/persons').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
    });

    it('answers 413 beyond PARCOURS_BODY_LIMIT, in the error shape', async () => {
      const caseworker = await t.as('caseworker');
      const res = await caseworker.post('/persons').send({ pseudonym: 'x'.repeat(5000), provenance: 'interview' }).expect(413);
      expectCleanError(res.body, res.text, 413);
    });

    it('never shows a stack trace: malformed JSON, wrong media type, unknown routes, methods and static files, malformed URLs', async () => {
      const caseworker = await t.as('caseworker');
      const malformed = await caseworker.post('/persons').set('content-type', 'application/json').send('{"pseudonym": "x",');
      expect(malformed.status).toBe(400);
      expectCleanError(malformed.body, malformed.text, 400);
      const plain = await caseworker.post('/persons').set('content-type', 'text/plain').send('hello');
      expect(plain.status).toBe(415);
      expectCleanError(plain.body, plain.text, 415);
      for (const [method, path] of [['get', '/nowhere'], ['delete', '/health'], ['get', '/docs/nothing-here.js'], ['get', '/persons/%E0%A4%A/events'], ['get', `/persons/${'x'.repeat(150)}/events`]] as const) {
        const res = await caseworker[method](path);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expectCleanError(res.body, res.text, res.status);
      }
    });

    it('never shows the internals of an unexpected failure: 500 with the request id only', async () => {
      const store = t.app.get<EventStore>(EVENT_STORE);
      const readStream = store.readStream.bind(store);
      const id = uuidv7();
      store.readStream = (streamId, options) => {
        if (streamId === `person-${id}`) throw new TypeError(`Cannot read properties of undefined (reading 'revision') at /work/main/libs/secret.ts:12`);
        return readStream(streamId, options);
      };
      try {
        const res = await (await t.as('caseworker')).get(`/persons/${id}/events`);
        expect(res.status).toBe(500);
        expectCleanError(res.body, res.text, 500);
        expect(res.body).toMatchObject({ code: 'INTERNAL_ERROR', requestId: res.headers['x-request-id'] });
        expect(res.text).not.toMatch(/revision|TypeError|secret/);
      } finally {
        store.readStream = readStream;
      }
    });
  });

  describe('with PARCOURS_CORS_ORIGINS', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp('sqlite', { PARCOURS_CORS_ORIGINS: 'https://pages.example.org,http://localhost:5173' });
    });
    afterAll(async () => t?.close());

    it('lets the listed origins (and only them) read answers and send tokens', async () => {
      const http = request(t.app.getHttpServer());
      const allowed = await http.get('/health').set('Origin', 'https://pages.example.org');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://pages.example.org');
      expect(allowed.headers['access-control-expose-headers']).toContain('ETag');
      const preflight = await http.options('/persons').set('Origin', 'http://localhost:5173').set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'authorization,content-type,x-purpose');
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:5173');
      expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization.*X-Purpose/);
      const other = await http.get('/health').set('Origin', 'https://evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('with PARCOURS_RATE_LIMIT=3', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp('sqlite', { PARCOURS_RATE_LIMIT: '3' });
    });
    afterAll(async () => t?.close());

    it('answers 429 with Retry-After once a token subject has used its budget; other subjects are counted apart', async () => {
      const first = await t.as('admin', { sub: 'admin.one' });
      for (let i = 0; i < 3; i++) await first.get('/admin/projections').expect(200).expect('x-ratelimit-limit', '3');
      const refused = await first.get('/admin/audit').expect(429);
      expectCleanError(refused.body, refused.text, 429);
      expect(refused.body).toMatchObject({ error: 'Too Many Requests', code: 'RATE_LIMITED' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(20);
      // Same IP, another user: its own budget (the limiter runs after authentication).
      await (await t.as('admin', { sub: 'admin.two' })).get('/admin/projections').expect(200);
    });

    it('counts unauthenticated callers of public routes by IP', async () => {
      const http = request(t.app.getHttpServer());
      for (let i = 0; i < 3; i++) await http.get('/health').expect(200);
      const refused = await http.get('/health').expect(429);
      expect(refused.body.code).toBe('RATE_LIMITED');
    });
  });
});
