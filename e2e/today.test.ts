import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startWebApp, type WebApp } from './helpers.js';

// The server's clock is fixed on Tuesday 2026-11-24, so "due in 4 days" and the ISO week hold.
const NOW = new Date('2026-11-24T10:00:00Z');

describe.skipIf(!hasChromium)('Today in the browser: fees, lead quality, review, quick-add', () => {
  let app: WebApp;
  let page: Page;
  let feePartnerId: string;
  let flaggedId: string;

  async function api(method: string, url: string, body?: unknown) {
    const res = await fetch(`${app.url}/api/v1${url}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** A partner at the agreement stage with 10% of monthly revenue for 3 months to them, active from October. */
  async function partnerWithAgreement(name: string): Promise<string> {
    const p = await api('POST', '/partners', { name, type: 'agency', subtype: 'web', contactName: 'Dana Reyes' });
    const id = p.id as string;
    for (const to of ['contacted', 'replied', 'call_booked', 'call_done'])
      await api('POST', `/partners/${id}/stage`, { to });
    const a = await api('POST', `/partners/${id}/agreements`, {
      feeToThem: { kind: 'percent', percent: 10, months: 3 },
      feeToUs: { kind: 'none' },
      handoffMethod: 'intro_email',
    });
    await api('POST', `/agreements/${a.id}/activate`, { on: '2026-10-01' });
    return id;
  }

  const notice = (title: string) => page.locator('.mantine-Notification-title', { hasText: title }).first().waitFor();

  beforeAll(async () => {
    app = await startWebApp({ now: NOW.toISOString() });
    page = await app.newPage();

    feePartnerId = await partnerWithAgreement('Brightline PR');
    const won = await api('POST', '/referrals', {
      direction: 'received',
      partnerId: feePartnerId,
      leadName: 'Acme Bakery',
      date: '2026-10-05',
    });
    // Client started 2026-10-28: the first monthly fee falls due 2026-11-28, four days ahead.
    await api('POST', `/referrals/${won.id}/won`, { monthlyValue: 200_000, startDate: '2026-10-28' });

    flaggedId = await partnerWithAgreement('Northwind Studio');
    for (const [lead, fit] of [
      ['Lead One', 'bad'],
      ['Lead Two', 'bad'],
      ['Lead Three', 'good'],
    ] as const) {
      const r = await api('POST', '/referrals', {
        direction: 'received',
        partnerId: flaggedId,
        leadName: lead,
        date: '2026-11-10',
      });
      await api('POST', `/referrals/${r.id}/fit`, { fit });
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the fee due (mark paid, Undo), the flagged partner with its clarification and the review reminder', async () => {
    await page.goto('/today');
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
    expect(await page.getByText('Nothing is waiting for you today').count()).toBe(0);

    const fees = page.getByTestId('today-fees');
    const fee = fees.getByTestId('today-fee');
    await fee.first().waitFor();
    expect(await fee.count()).toBe(1);
    const text = (await fee.textContent()) ?? '';
    expect(text).toContain('Pay');
    expect(text).toContain('Brightline PR');
    expect(text).toContain('Acme Bakery · month 1');
    expect(text).toContain('due in 4 days');
    expect(await fee.getByText('due in 4 days').getAttribute('title')).toBe('Nov 28, 2026');
    expect(await fee.getByTestId('today-fee-amount').textContent()).toBe('$200.00');
    expect(await fees.getByRole('link', { name: 'All fees' }).getAttribute('href')).toBe('/fees');

    await fee.getByRole('button', { name: 'Mark paid' }).click();
    expect(await page.getByLabel('Paid on').inputValue()).toBe('2026-11-24');
    await page.getByRole('button', { name: 'Confirm paid' }).click();
    await notice('Marked paid');
    await expect.poll(() => page.getByTestId('today-fees').count()).toBe(0);
    const paid = (await api('GET', `/fees?partnerId=${feePartnerId}&status=paid`)).items as { paidOn: string }[];
    expect(paid.map((l) => l.paidOn)).toEqual(['2026-11-24']);

    await page.locator('.mantine-Notification-root').getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId('today-fee').waitFor();
    expect((await api('GET', `/fees?partnerId=${feePartnerId}&status=paid`)).items).toEqual([]);

    const flags = page.getByTestId('today-flags');
    await flags.getByText('2 of the last 3 judged referrals were a bad fit', { exact: false }).waitFor();
    expect(await flags.getByRole('link', { name: 'Northwind Studio' }).getAttribute('href')).toBe(
      `/partners/${flaggedId}`,
    );
    expect(await flags.textContent()).not.toContain('Brightline PR');
    await flags.getByRole('button', { name: 'Write clarification' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Write to Northwind Studio').waitFor();
    await expect.poll(() => drawer.getByLabel('Template', { exact: true }).inputValue()).toBe('Bad-fit clarification');
    await expect.poll(() => drawer.getByTestId('preview-subject').textContent()).toBe('The clients we are best for');
    await drawer.getByRole('button', { name: 'Cancel' }).click();
    await drawer.waitFor({ state: 'hidden' });

    const review = page.getByTestId('today-review');
    await review.getByText('The 2026-W48 review is due').waitFor();
    await shoot('today-1280');
    await review.getByRole('link', { name: 'Open the review' }).click();
    await page.waitForURL(/\/review$/);
  });

  it('opens the clarification composer from the partner page instead of leaving it', async () => {
    await page.goto(`/partners/${flaggedId}`);
    await page.getByRole('button', { name: 'Write the bad-fit clarification' }).click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.getByLabel('Template', { exact: true }).inputValue()).toBe('Bad-fit clarification');
    expect(new URL(page.url()).pathname).toBe(`/partners/${flaggedId}`);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('quick-add: N opens the chooser, Referral opens the referral form and the referral lands on /referrals', async () => {
    await page.goto('/today');
    await page.getByTestId('today-review').waitFor();
    await page.keyboard.press('n');
    const chooser = page.getByRole('menu');
    for (const name of [/Partner/, /Referral/, /Log a message/]) {
      await chooser.getByRole('menuitem', { name }).waitFor();
    }
    await shoot('quick-add-1280');
    await chooser.getByRole('menuitem', { name: /Referral/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a referral' });
    await dialog.getByRole('combobox', { name: /^From partner/ }).fill('Bright');
    await page.getByRole('option', { name: 'Brightline PR' }).click();
    await dialog.getByLabel(/^Lead name/).fill('Quick Add Co');
    await dialog.getByLabel('Date').fill('2026-11-24');
    await dialog.getByRole('button', { name: 'Log referral' }).click();
    await notice('Referral logged');
    await dialog.waitFor({ state: 'hidden' });

    await page.goto('/referrals');
    const row = page.getByTestId('referral-row').filter({ hasText: 'Quick Add Co' });
    // The partner's name fills in once its lookup answers.
    await row.getByText('Brightline PR').waitFor();
    const saved = (await api('GET', `/referrals?partnerId=${feePartnerId}`)).items as { leadName: string }[];
    expect(saved.map((r) => r.leadName)).toContain('Quick Add Co');
  });

  it('quick-add: Log a message asks for the partner, then opens the composer', async () => {
    await page.goto('/today');
    await page.getByTestId('today-review').waitFor();
    await page.getByRole('button', { name: 'New' }).click();
    await page.getByRole('menuitem', { name: /Log a message/ }).click();
    const ask = page.getByRole('dialog', { name: 'Log a message' });
    await ask.getByRole('combobox', { name: 'Find the partner' }).fill('North');
    await page.getByRole('option', { name: /Northwind Studio/ }).click();
    await ask.waitFor({ state: 'hidden' });
    await page.getByRole('dialog').getByText('Write to Northwind Studio').waitFor();
    await page.getByRole('dialog').getByTestId('preview-body').waitFor();
    await page.keyboard.press('Escape');

    // On a phone the sections stack and the amount stays readable.
    const phone = await app.newPage({ width: 390, height: 844 });
    await phone.goto('/today');
    await phone.getByTestId('today-fee').waitFor();
    await phone.getByTestId('today-review').waitFor();
    await shoot('today-390', phone);
    await phone.context().close();
  });

  /** Screenshots for a human look, kept out of the repo (under .tmp). */
  async function shoot(name: string, p: Page = page) {
    const dir = path.resolve('.tmp', 'screenshots');
    fs.mkdirSync(dir, { recursive: true });
    await p.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  }
});
