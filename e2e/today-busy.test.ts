import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startWebApp, type WebApp } from './helpers.js';

describe.skipIf(!hasChromium)('Today in the browser on a busy workspace', () => {
  let app: WebApp;
  let page: Page;

  beforeAll(async () => {
    app = await startWebApp({ now: '2026-11-24T10:00:00Z' });
    page = await app.newPage();
    for (let i = 0; i < 51; i++) {
      const res = await fetch(`${app.url}/api/v1/partners`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: `Partner ${String(i).padStart(2, '0')}`,
          type: 'agency',
          nextAction: 'Send the one-pager',
          nextActionDate: '2026-11-20',
        }),
      });
      if (res.status !== 201) throw new Error(`partner ${i}: ${res.status}`);
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the first 50 next actions, says how many there are, and links to all of them', async () => {
    await page.goto('/today');
    const actions = page.getByTestId('today-actions');
    await actions.waitFor();
    expect(await actions.locator('.agenda-row').count()).toBe(50);
    expect(await actions.getByTestId('shown-of').textContent()).toContain('Showing 50 of 51.');
    await actions.getByRole('link', { name: 'All partners by next action' }).click();
    await page.waitForURL(/\/partners\?sort=next_action/);
  });
});
