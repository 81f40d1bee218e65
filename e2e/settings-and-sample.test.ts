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

    // Steps not built yet say what they are for.
    await page.getByRole('link', { name: 'Fees' }).click();
    await page.getByText('Arrives in a coming release').waitFor();
  });
});
