import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startWebApp, type WebApp } from './helpers.js';

describe.skipIf(!hasChromium)('the review in the browser on a busy month', () => {
  let app: WebApp;
  let page: Page;

  const call = async (path: string, body: unknown) => {
    const res = await fetch(`${app.url}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return (await res.json()) as { id: string };
  };

  beforeAll(async () => {
    app = await startWebApp({ now: '2026-11-24T10:00:00Z' });
    page = await app.newPage();
    // 52 partners with a client won each; partner i's is worth i hundred dollars a month.
    for (let i = 0; i < 52; i++) {
      const partner = await call('/partners', { name: `Partner ${String(i).padStart(2, '0')}`, type: 'agency' });
      const referral = await call('/referrals', {
        direction: 'received',
        partnerId: partner.id,
        leadName: `Lead ${i}`,
        date: '2026-11-02',
      });
      await call(`/referrals/${referral.id}/won`, { monthlyValue: i * 10_000, startDate: '2026-11-02' });
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the best 50 partners by name and says how many sent leads', async () => {
    await page.goto('/review?month=2026-11');
    const leads = page.getByRole('table', { name: 'Leads by source' });
    await leads.getByTestId('partners-shown-of').waitFor();
    expect(await leads.getByRole('link').count()).toBe(50);
    expect(await leads.getByRole('link').first().textContent()).toBe('Partner 51');
    expect(await leads.getByRole('link', { name: 'Partner 01' }).count()).toBe(0);
    expect(await leads.getByTestId('partners-shown-of').textContent()).toContain('The best 50 of 52 partners');
    expect(
      await leads
        .getByRole('row', { name: /Partnerships/ })
        .first()
        .textContent(),
    ).toContain('52');
  });
});
