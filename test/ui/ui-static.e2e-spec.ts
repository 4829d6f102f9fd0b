import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { PUBLIC_DIR } from '../../apps/api/src/ui/ui-files.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The pages' static files: served without a token, holding no data, nothing else exposed. */
describe('the /ui pages (static files)', () => {
  let t: TestApp;
  const get = (path: string) => request(t.app.getHttpServer()).get(path);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves the pages without a token, while their data still needs one', async () => {
    for (const path of ['/ui/', '/ui/persons/018f0000-0000-7000-8000-00000000c415', '/ui/cohorts/018f0000-0000-7000-8000-0000000c0023']) {
      const page = await get(path).expect(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
      // Static: the same file for any id, nothing about the person or cohort in it.
      expect(page.text).not.toContain('018f0000');
    }
    expect((await get('/ui').expect(301)).headers['location']).toBe('/ui/');
    await get('/persons/018f0000-0000-7000-8000-00000000c415/parcours').expect(401);
  });

  it('serves the assets and the three Vega bundles, and nothing else', async () => {
    const script = await get('/ui/assets/person-page.js').expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect((await get('/ui/assets/ui.css').expect(200)).headers['content-type']).toMatch(/^text\/css/);
    for (const bundle of ['vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js']) {
      const answer = await get(`/ui/vendor/${bundle}`).expect(200);
      expect(answer.headers['content-type']).toMatch(/javascript/);
      expect(Number(answer.headers['content-length'])).toBeGreaterThan(10_000);
    }
    await get('/ui/vendor/vega.js').expect(404);
    await get('/ui/vendor/..%2F..%2Fpackage.json').expect(404);
    await get('/ui/assets/format.d.ts').expect(404);
    await get('/ui/assets/..%2Fui-routes.ts').expect(404);
    await get('/ui/assets/../ui-files.ts').expect(404);
  });

  it('has pages that run under script-src \'self\': no inline script, handler or style attribute', () => {
    const pages = readdirSync(PUBLIC_DIR).filter((f) => f.endsWith('.html'));
    expect(pages.sort()).toEqual(['cohort.html', 'index.html', 'person.html']);
    for (const file of pages) {
      const html = readFileSync(join(PUBLIC_DIR, file), 'utf8');
      for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc="[^"]+"/);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).not.toMatch(/\sstyle=/i);
      expect(html).not.toMatch(/<style\b/i);
      expect(html).not.toMatch(/https?:\/\//);
    }
  });
});
