import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startWebApp, type WebApp } from './helpers.js';

describe.skipIf(!hasChromium)('settings and sample data in the browser', () => {
  let app: WebApp;
  let page: Page;

  beforeAll(async () => {
    app = await startWebApp();
    page = await app.newPage();
  });
  afterAll(async () => {
    await app?.close();
  });

  const profile = async () =>
    (await (await fetch(`${app.url}/api/v1/profile`)).json()) as Record<string, string | number | null>;

  it('saves the agency profile, converting money from major to minor units', async () => {
    await page.goto('/settings');
    const form = page.getByRole('form', { name: 'Agency profile' });
    await form.getByLabel(/^Agency name/).fill('Brightside Studio');
    const target = form.getByLabel('Monthly revenue target');
    expect(await target.inputValue()).toBe('5,000');
    await target.fill('7500.5');
    await form.getByLabel('Mark as no response after (days)').fill('21');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved').waitFor();

    const saved = await profile();
    expect(saved.name).toBe('Brightside Studio');
    expect(saved.monthlyRevenueTarget).toBe(750_050);
    expect(saved.noResponseDays).toBe(21);

    await page.reload();
    expect(await form.getByLabel(/^Agency name/).inputValue()).toBe('Brightside Studio');
    expect(await form.getByLabel('Monthly revenue target').inputValue()).toBe('7,500.5');
  });

  it('shows the server validation error on the field it names and saves nothing', async () => {
    await page.goto('/settings');
    const form = page.getByRole('form', { name: 'Agency profile' });
    const max = form.getByLabel('Follow up after at most (days)');
    await max.waitFor();
    await max.fill('3');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.getByText('must be at least followUpMinDays (5)').waitFor();
    expect(await max.getAttribute('aria-invalid')).toBe('true');
    expect(await max.inputValue()).toBe('3');

    await max.fill('6');
    const email = form.getByLabel('Sender e-mail');
    await email.fill('alex-at-example');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await form.getByText('expected an e-mail address').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await max.getAttribute('aria-invalid')).not.toBe('true');
    const saved = await profile();
    expect(saved.followUpMaxDays).toBe(7);
    expect(saved.senderEmail).toBeNull();
  });

  it('loads the sample data from the empty workspace', async () => {
    await page.goto('/today');
    await page.getByText('Start with 5–10 potential partners').waitFor();
    await page.goto('/partners');
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await page.getByText('Sample data loaded').waitFor();
    await expect.poll(() => page.getByTestId('partner-count').textContent()).toBe('12 partners');
    expect(await page.getByRole('table', { name: 'Partners' }).getByRole('row').count()).toBe(13);

    // The board shows every sample partner in its stage column.
    await page.getByText('Board', { exact: true }).click();
    await page.waitForURL(/view=board/);
    await page.getByTestId('column-agreement').getByText('Atlas Web Works').waitFor();

    // The sample reaches every step: the review shows what partnerships brought.
    await page.getByRole('link', { name: 'Review' }).click();
    await page.getByRole('heading', { name: 'Double down on' }).waitFor();
    await page.getByText('Brightline PR').first().waitFor();
  });

  it('sorts, filters and pages through the table, keeping the state in the URL', async () => {
    for (let i = 1; i <= 45; i++) {
      const res = await fetch(`${app.url}/api/v1/partners`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Zeta Prospect ${String(i).padStart(2, '0')}`, type: 'brand' }),
      });
      expect(res.status).toBe(201);
    }
    await page.goto('/partners');
    const table = page.getByRole('table', { name: 'Partners' });
    const count = page.getByTestId('partner-count');
    await expect.poll(() => count.textContent()).toBe('57 partners');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(57);

    await page.getByRole('button', { name: 'Sort by Name' }).click();
    await page.waitForURL(/sort=name&dir=asc/);
    await expect
      .poll(() => table.locator('tbody tr').first().locator('td').first().textContent())
      .toMatch(/^Atlas Web Works/);
    await page.getByRole('button', { name: 'Sort by Name' }).click();
    await page.waitForURL(/dir=desc/);
    await expect
      .poll(() => table.locator('tbody tr').first().locator('td').first().textContent())
      .toBe('Zeta Prospect 45');

    await page.getByRole('textbox', { name: 'Search', exact: true }).fill('prospect 0');
    await page.waitForURL(/q=prospect/);
    await expect.poll(() => count.textContent()).toBe('9 partners');
    await page.reload();
    await expect.poll(() => count.textContent()).toBe('9 partners');
    expect(await page.getByRole('textbox', { name: 'Search', exact: true }).inputValue()).toBe('prospect 0');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Agency' }).click();
    await page.waitForURL(/type=agency/);
    await expect.poll(() => count.textContent()).toMatch(/^[1-9] partners?$/);
    // The count can arrive a render before the rows it counts.
    await expect
      .poll(async () => (await table.locator('tbody tr').allInnerTexts()).every((r) => r.includes('Agency')))
      .toBe(true);
  });

  it('collapses the navigation behind a menu button at phone width', async () => {
    const phone = await app.newPage({ width: 390, height: 844 });
    await phone.goto('/partners');
    const nav = phone.getByRole('link', { name: 'Settings' });
    await phone.getByRole('heading', { name: 'Partners' }).waitFor();
    expect(await nav.isVisible()).toBe(false);
    await phone.getByRole('button', { name: 'Toggle navigation' }).click();
    await nav.click();
    await phone.waitForURL(/\/settings$/);
    await phone.getByRole('heading', { name: 'Settings' }).waitFor();
    await phone.close();
  });
});
