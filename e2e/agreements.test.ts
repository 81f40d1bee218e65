import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinnedDay } from '../test/helpers/clock.js';
import { hasChromium, startWebApp, type WebApp } from './helpers.js';

describe.skipIf(!hasChromium)('agreements, referrals and fees in the browser', () => {
  let app: WebApp;
  let page: Page;
  let partnerId: string;

  async function api(method: string, path: string, body?: unknown) {
    const res = await fetch(`${app.url}/api/v1${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  beforeAll(async () => {
    app = await startWebApp();
    page = await app.newPage();
    const created = await api('POST', '/partners', { name: 'Brightline PR', type: 'agency', subtype: 'pr' });
    partnerId = created.json.id as string;
    for (const to of ['contacted', 'replied', 'call_booked', 'call_done']) {
      expect((await api('POST', `/partners/${partnerId}/stage`, { to })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('proposes an agreement, names a bad percentage inline, activates it and serves the PDF', async () => {
    await page.goto(`/agreements/new?partner=${partnerId}`);
    await page.getByRole('heading', { name: 'Agreement with Brightline PR' }).waitFor();
    const toThem = page.getByRole('group', { name: 'Our fee to them' });
    await toThem.getByText('Percent', { exact: true }).click();
    await toThem.getByLabel('Percent of monthly revenue').fill('150');
    await toThem.getByLabel('For the first … months').fill('3');
    await page.getByRole('combobox', { name: 'Handoff method' }).click();
    await page.getByRole('option', { name: 'Intro e-mail' }).click();
    // The live preview follows the form before anything is saved.
    await page.getByTestId('one-pager-preview').getByText('150% of the client').waitFor();

    await page.getByRole('button', { name: 'Save proposal' }).click();
    const percent = toThem.getByLabel('Percent of monthly revenue');
    await expect.poll(() => percent.getAttribute('aria-invalid')).toBe('true');
    await toThem.getByText('expected a percentage of at most 100').waitFor();
    expect(page.url()).toContain('/agreements/new');

    await percent.fill('10');
    await page.getByRole('button', { name: 'Save proposal' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/agreements\/(?!new$)[^/]+$/);
    await page.getByTestId('agreement-status').getByText('Proposed').waitFor();
    await page
      .getByTestId('one-pager-preview')
      .getByText("10% of the client's monthly revenue for the first 3 months")
      .waitFor();

    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByTestId('agreement-status').getByText('Active').waitFor();
    expect((await api('GET', `/partners/${partnerId}`)).json.stage).toBe('agreement');

    const pdfHref = await page.getByRole('link', { name: 'PDF' }).first().getAttribute('href');
    expect(pdfHref).toMatch(/one-pager\.pdf$/);
    const pdf = await fetch(`${app.url}${pdfHref}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    await page.goto('/agreements');
    const row = page.getByRole('table', { name: 'Agreements' }).getByRole('row', { name: /Brightline PR/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('10% for 3 mo');
    expect(await row.textContent()).toContain('Intro e-mail');
  });

  it('logs a received referral, marks it won, and pays the first of three fee lines', async () => {
    const today = pinnedDay();
    await page.goto('/referrals');
    await page.getByRole('button', { name: 'Log referral' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: /^From partner/ }).fill('Bright');
    await page.getByRole('option', { name: 'Brightline PR' }).click();
    await dialog.getByLabel(/^Lead name/).fill('Acme Bakery');
    await dialog.getByLabel('Company').fill('Acme Bakery Ltd');
    await dialog.getByRole('button', { name: 'Log referral' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    const row = page.getByTestId('referral-row').filter({ hasText: 'Acme Bakery' });
    await row.getByText('Pending').waitFor();
    expect(await row.textContent()).toContain('Brightline PR');
    await row.getByRole('button', { name: 'Actions for Acme Bakery' }).click();
    await page.getByRole('menuitem', { name: 'Mark won…' }).click();
    const won = page.getByRole('dialog');
    await won.getByLabel(/^Monthly value/).fill('2000');
    await won.getByLabel(/^Client start date/).fill(today);
    await won.getByRole('button', { name: 'Mark won' }).click();
    await expect.poll(() => won.isVisible()).toBe(false);
    await row.getByText('Won').waitFor();
    expect(await row.textContent()).toContain('$2,000.00');

    await page.goto('/fees');
    const lines = page.getByTestId('fee-row');
    await expect.poll(() => lines.count()).toBe(3);
    expect(await page.getByTestId('fee-amount').allTextContents()).toEqual(['$200.00', '$200.00', '$200.00']);
    await expect.poll(() => page.getByTestId('totals-payable-due').textContent()).toBe('$600.00');
    expect(await page.getByTestId('totals-payable-paid').textContent()).toBe('$0.00');

    await lines.first().getByRole('button', { name: 'Mark paid' }).click();
    await page.getByRole('button', { name: 'Confirm paid' }).click();
    await page.getByText('Marked paid').waitFor();
    await expect.poll(() => page.getByTestId('totals-payable-paid').textContent()).toBe('$200.00');
    expect(await page.getByTestId('totals-payable-due').textContent()).toBe('$400.00');
    await lines.first().getByText(/^Paid/).waitFor();

    // Undo in the confirmation puts the line back as due.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.getByTestId('totals-payable-paid').textContent()).toBe('$0.00');
    await lines.first().getByRole('button', { name: 'Mark paid' }).click();
    await page.getByRole('button', { name: 'Confirm paid' }).click();
    await expect.poll(() => page.getByTestId('totals-payable-paid').textContent()).toBe('$200.00');

    // The partner page shows the same agreement, referral, fees and reciprocity.
    await page.goto(`/partners/${partnerId}`);
    const deals = page.getByTestId('partner-deals');
    await deals.getByText('In force').waitFor();
    await deals.getByTestId('referral-row').getByText('Acme Bakery', { exact: true }).waitFor();
    await expect.poll(() => deals.getByTestId('fee-row').count()).toBe(3);
    expect(await deals.getByTestId('reciprocity-balance').textContent()).toContain('They sent 1 more');
  });

  it('names the missing handoff on activation and suggests the one-pager for a disputed term', async () => {
    const other = await api('POST', '/partners', { name: 'Northwind Studio', type: 'agency' });
    const id = other.json.id as string;
    for (const to of ['contacted', 'replied', 'call_booked', 'call_done'])
      await api('POST', `/partners/${id}/stage`, { to });
    const proposal = await api('POST', `/partners/${id}/agreements`, {});
    await page.goto(`/agreements/${proposal.json.id}`);
    await page.getByRole('button', { name: 'Activate' }).click();
    const handoff = page.getByRole('combobox', { name: 'Handoff method' });
    await expect.poll(() => handoff.getAttribute('aria-invalid')).toBe('true');
    await page.getByText(/is required before activation/).waitFor();
    expect((await api('GET', `/partners/${id}`)).json.stage).toBe('call_done');

    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menuitem', { name: 'Their fee to us' }).click();
    const alert = page.getByTestId('dispute-suggestion');
    await alert.getByText(/Disputed: Their fee to us/).waitFor();
    expect(await alert.getByRole('link', { name: 'PDF' }).getAttribute('href')).toMatch(/one-pager\.pdf$/);
  });
});
