import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadDemoData } from '../../apps/api/src/demo/load-demo-data.js';
import { PersonStreamRepository } from '../../apps/api/src/persons/person-stream.repository.js';
import { generateCohort } from '../../apps/cli/src/synthetic/generate-cohort.js';
import { loadCohort } from '../../apps/cli/src/synthetic/load-cohort.js';
import { tokenFor } from '../support/auth.js';
import { CHRIS_ID } from '../support/chris.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The pages in a real browser (Debian's Chromium, driven by playwright-core) on a real
 * application with the demo data. The pages are served under a Content-Security-Policy stricter
 * than the application's own (no 'unsafe-inline' styles either), and any violation fails.
 */
const CHROMIUM = process.env['PARCOURS_CHROMIUM'] ?? '/usr/bin/chromium';
const DEMO_COHORT = '018f0000-0000-7000-8000-0000000c0023';
const ARTIFACTS = join(process.cwd(), 'test', 'artifacts');
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

const browserPresent = existsSync(CHROMIUM);
const describeInBrowser = browserPresent ? describe : describe.skip;
if (!browserPresent) console.warn(`test/ui/ui.e2e-spec.ts: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set PARCOURS_CHROMIUM)`);

describeInBrowser(`the pages in Chromium${browserPresent ? '' : ` (skipped: no Chromium at ${CHROMIUM})`}`, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let synthetic: string;
  const problems: string[] = [];
  /** While set, inline-script violations are provoked on purpose (proving the policy is enforced) and noted apart. */
  let probing = false;
  const provoked: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp();
    await loadDemoData(t.app);
    synthetic = await syntheticCohort(t);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
    // The strict policy on every page, and every violation, script error or console error noted.
    await context.route('**/ui/**', async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': STRICT_CSP } });
    });
    // Browser code as text: this file is type-checked for Node, without the DOM's types.
    await context.addInitScript({ content: "document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));" });
    context.on('page', (page) => {
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        // The 401/403 checks below make the browser log the refused requests themselves.
        if (message.type() !== 'error' || /status of 40[13]/.test(message.text())) return;
        if (probing && /inline/.test(message.text())) {
          provoked.push(message.text());
          return;
        }
        problems.push(message.text());
      });
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(path: string, token: string): Promise<Page> {
    const page = await context.newPage();
    const response = await page.goto(`${base}${path}#token=${token}`);
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
    return page;
  }

  it("draws Chris's parcours: five lanes, the first hire, provenance on hover, and replays it with the keyboard", async () => {
    const page = await open(`/ui/persons/${CHRIS_ID}`, await tokenFor('researcher'));
    await page.getByText(/22 recorded events/).waitFor();
    // The policy is enforced, and violations are seen: an inline script given to the page does not run.
    probing = true;
    const ran = await page.evaluate(`(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.inline = "ran"';
      document.head.append(script);
      return document.body.dataset.inline ?? 'blocked';
    })()`);
    expect(ran).toBe('blocked');
    await page.waitForTimeout(200);
    probing = false;
    expect(provoked).toContain('CSP violation: script-src-elem inline');
    // The token left the address bar for session storage.
    expect(page.url()).not.toContain('token');
    expect(await page.locator('[data-testid=lane]').evaluateAll((lanes) => lanes.map((l) => l.getAttribute('data-lane')))).toEqual(['person', 'care', 'training', 'employment', 'social']);
    const hire = page.getByTestId('first-hire');
    await expect(hire.isVisible()).resolves.toBe(true);
    expect(await hire.getAttribute('aria-label')).toMatch(/^First hire\. When: 2011\/2012/);
    expect(await page.locator('[data-testid=episode]').count()).toBe(11);
    expect(await page.locator('[data-testid=period-band]').count()).toBe(2);
    expect(await page.locator('.episode.is-open').count()).toBe(4);

    // Hovering an event shows its provenance and recording date.
    await page.locator('[data-type=ReferralMade]').first().hover();
    const tooltip = page.locator('#timeline-tooltip');
    await expect(tooltip.isVisible()).resolves.toBe(true);
    expect(await tooltip.innerText()).toMatch(/Referral made[\s\S]*Provenance\s+interview[\s\S]*Recorded\s+\d{1,2} \w{3} \d{4}, \d\d:\d\d:\d\d UTC/);
    await page.screenshot({ path: join(ARTIFACTS, 'person-timeline.png'), fullPage: true });

    // The slider is a real range input: Home goes to the first recorded event.
    const slider = page.getByRole('slider', { name: 'Known at' });
    await slider.focus();
    await page.keyboard.press('Home');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/UTC — step 1 of 22: Person registered$/);
    expect(await page.locator('[data-testid=episode]').count()).toBe(0);
    expect(await page.locator('[data-testid=event]').count()).toBe(1);
    expect(await page.getByTestId('first-hire').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/step 3 of 22: Care episode started$/);
    expect(await page.locator('[data-testid=episode]').count()).toBe(1);
    expect(await page.locator('.episode.is-new').count()).toBe(1);
    expect(await page.getByTestId('known-at-text').innerText()).toContain('step 3 of 22');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(ARTIFACTS, 'person-timeline-step-3.png'), fullPage: false });
    await page.keyboard.press('End');
    expect(await page.locator('[data-testid=episode]').count()).toBe(11);
    await page.close();
  }, 60_000);

  it('says plainly when the token is refused (401) or the role may not see the page (403)', async () => {
    const refused = await open(`/ui/persons/${CHRIS_ID}`, 'aaaa.bbbb.cccc');
    await refused.getByText('Your token was not accepted (401)').waitFor();
    await expect(refused.getByLabel('Bearer token').isVisible()).resolves.toBe(true);
    await refused.screenshot({ path: join(ARTIFACTS, 'person-401.png') });
    await refused.close();
    const evaluator = await open(`/ui/persons/${CHRIS_ID}`, await tokenFor('evaluator'));
    await evaluator.getByText('The evaluator role may not see this (403)').waitFor();
    await evaluator.close();
  }, 60_000);

  it('shows the demo cohort with every small cell suppressed', async () => {
    const page = await open(`/ui/cohorts/${DEMO_COHORT}`, await tokenFor('evaluator'));
    await page.getByText('Loaded.').waitFor();
    expect(await page.getByTestId('members').innerText()).toBe('suppressed');
    expect(await page.getByTestId('km-chart').innerText()).toContain('The curve is suppressed');
    // The distribution is drawn, its hidden shares as one grey "suppressed" area.
    await page.locator('[data-testid=distribution-chart] svg').waitFor();
    expect(await page.getByTestId('distribution-chart').locator('text', { hasText: 'suppressed' }).count()).toBeGreaterThan(0);
    await page.locator('[data-testid=transition-chart] svg').waitFor();
    expect(await page.getByTestId('costs-funder-chart').innerText()).toContain('Every group is suppressed');
    expect(await page.locator('table', { hasText: 'Costs by funder' }).locator('td', { hasText: 'suppressed' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'cohort-demo.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('draws the Kaplan–Meier curve, the distribution, the matrix and the costs of a cohort large enough to publish', async () => {
    const page = await open(`/ui/cohorts/${synthetic}`, await tokenFor('researcher'));
    await page.getByText('Loaded.').waitFor();
    expect(Number(await page.getByTestId('members').innerText())).toBeGreaterThanOrEqual(11);
    await page.locator('[data-testid=km-chart] svg .mark-line path').waitFor();
    expect(await page.getByTestId('km-table').locator('tbody tr').count()).toBeGreaterThan(3);
    await page.locator('[data-testid=costs-funder-chart] svg .mark-rect path').first().waitFor();
    await page.getByRole('combobox', { name: 'Field', exact: true }).selectOption('care');
    await page.getByText('States of the care field, month by month').waitFor({ state: 'attached' });
    await page.screenshot({ path: join(ARTIFACTS, 'cohort-synthetic.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('ran without a script error, a console error or a CSP violation', () => {
    expect(problems).toEqual([]);
  });
});

/** A seeded synthetic cohort (the CLI's demo generator), loaded through the command bus like `demo`. */
async function syntheticCohort(t: TestApp): Promise<string> {
  const bus = t.app.get(CommandBus);
  const repository = t.app.get(PersonStreamRepository);
  const metadata = { requestId: 'ui-test', source: 'synthetic cohort, seed ui', recordedBy: { userId: 'test', organisationId: null } };
  await loadCohort(generateCohort({ seed: 'ui', persons: 120, eventsPerPerson: 20 }), { execute: (c) => bus.execute(c), load: (id) => repository.load(id) }, { metadata });
  const admin = await t.as('admin');
  const created = await admin.post('/admin/cohorts').send({ name: 'Synthetic, first contact 2000-2015', entryRule: 'first_contact', entryFrom: '2000', entryTo: '2015', cutoff: '2020' }).expect(201);
  return created.body.id as string;
}
