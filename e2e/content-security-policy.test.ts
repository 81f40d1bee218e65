import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startWebApp, type WebApp } from './helpers.js';

// The policy must not cost the app or the API reference anything: Chromium reports every
// refused script, style, image, font or fetch on the console.
describe.skipIf(!hasChromium)('the Content-Security-Policy in the browser', () => {
  let app: WebApp;

  beforeAll(async () => {
    app = await startWebApp();
    const res = await fetch(`${app.url}/api/v1/demo`, { method: 'POST' });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
  });

  const watch = (page: Page) => {
    const refused: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
    });
    page.on('pageerror', (e) => refused.push(e.message));
    return refused;
  };

  it('lets every page of the app draw, charts included, with nothing refused', async () => {
    const page = await app.newPage();
    const refused = watch(page);
    const partners = (await (await fetch(`${app.url}/api/v1/partners?limit=1`)).json()) as { items: { id: string }[] };
    for (const path of ['/today', '/partners', `/partners/${partners.items[0]!.id}`, '/fees', '/settings']) {
      await page.goto(path);
      await page.locator('main h1, main h2').first().waitFor();
    }
    await page.goto('/review');
    await page.locator('.recharts-surface').first().waitFor();
    expect(refused).toEqual([]);
  }, 90_000);

  it('lets the API reference draw the operations, with nothing refused', async () => {
    const page = await app.newPage();
    const refused = watch(page);
    await page.goto('/api/docs');
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
    await page.locator('.opblock-summary').first().click();
    await page.locator('.opblock-body').first().waitFor();
    expect(refused).toEqual([]);
  }, 90_000);
});
