import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startWebApp, type WebApp } from './helpers.js';

// Semicolons and a money value with a symbol; line 3 names a partner the workspace lacks and
// line 4 has a date that does not exist.
const CSV = [
  'Referred by;Client;When;Result;MRR',
  'Brightline PR;Acme Co;03/11/2026;won;$2,000.00',
  'Nova Studio;Beta Ltd;04/11/2026;open;',
  'Brightline PR;Gamma Inc;31/02/2026;open;',
  '',
].join('\r\n');

describe.skipIf(!hasChromium)('referral CSV import in the browser', () => {
  let app: WebApp;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    app = await startWebApp();
    page = await app.newPage();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerloop-referral-import-'));
    const res = await fetch(`${app.url}/api/v1/partners`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Brightline PR', type: 'agency' }),
    });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const referrals = async () => {
    const res = await fetch(`${app.url}/api/v1/referrals?limit=50`);
    return ((await res.json()) as { items: { leadName: string; outcome: string; monthlyValue: number | null }[] })
      .items;
  };
  const rejectedRows = () =>
    page
      .getByRole('table', { name: 'Rejected rows' })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)));

  it('checks the file, creates the missing partner on request, and imports the referrals', async () => {
    const file = path.join(dir, 'referrals.csv');
    fs.writeFileSync(file, CSV);

    await page.goto('/referrals');
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Import CSV' }).click();
    await page.getByRole('heading', { name: 'Import referrals from a spreadsheet' }).waitFor();
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('table', { name: 'Column mapping' }).waitFor();

    // First check: the unknown partner and the bad date are both left out, with their lines.
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('table', { name: 'Rejected rows' }).waitFor();
    expect(await rejectedRows()).toEqual([
      ['3', 'Referred by'],
      ['4', 'When'],
    ]);
    expect(await page.getByTestId('import-created').textContent()).toContain('1');
    expect(await page.getByTestId('import-partners-created').count()).toBe(0);
    expect(await referrals()).toEqual([]);

    // Second check, creating partners: only the bad date is left, and Nova Studio will be added.
    await page.getByRole('button', { name: 'Back to the columns' }).click();
    await page.getByRole('checkbox', { name: 'Create partners that don’t exist yet' }).check();
    await page.getByRole('button', { name: 'Check the file' }).click();
    const planned = page.getByTestId('import-partners-created');
    await planned.waitFor();
    expect(await planned.textContent()).toContain('Partners that will be created: 1');
    expect(await planned.textContent()).toContain('Nova Studio');
    expect(await rejectedRows()).toEqual([['4', 'When']]);
    expect(await page.getByTestId('import-created').textContent()).toContain('2');
    expect(await referrals()).toEqual([]);

    await page.getByRole('button', { name: 'Import 2 referrals' }).click();
    await page.getByText('Import finished').first().waitFor();
    const created = page.getByTestId('import-partners-created');
    await created.waitFor();
    expect(await created.textContent()).toContain('Partners created: 1');
    const saved = await referrals();
    expect(saved.map((r) => r.leadName).sort()).toEqual(['Acme Co', 'Beta Ltd']);
    expect(saved.find((r) => r.leadName === 'Acme Co')).toMatchObject({ outcome: 'won', monthlyValue: 200000 });
    const nova = await (await fetch(`${app.url}/api/v1/partners?q=Nova%20Studio`)).json();
    expect((nova as { items: unknown[] }).items).toHaveLength(1);

    await page.getByRole('link', { name: 'Open the referral log' }).click();
    const table = page.getByRole('table', { name: 'Referrals' });
    await table.getByRole('row', { name: /Acme Co/ }).waitFor();
    await table.getByRole('row', { name: /Beta Ltd/ }).waitFor();
    expect(await table.getByRole('row', { name: /Gamma Inc/ }).count()).toBe(0);
  });

  it('exports the referrals the filters show as CSV from the page menu', async () => {
    await page.goto('/referrals?outcome=won');
    await page
      .getByRole('table', { name: 'Referrals' })
      .getByRole('row', { name: /Acme Co/ })
      .waitFor();
    await page.getByRole('button', { name: 'More actions' }).click();
    const link = page.getByRole('menuitem', { name: 'Export CSV', exact: true });
    expect(await link.getAttribute('href')).toBe('/api/v1/export/referrals.csv?outcome=won');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('referrals.csv');
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text).toContain('Acme Co');
    expect(text).not.toContain('Beta Ltd');
  });

  it('exports the fee ledger as CSV from the Fees page menu, with the page filters', async () => {
    await page.goto('/fees?status=paid');
    await page.getByRole('button', { name: 'More actions' }).click();
    const link = page.getByRole('menuitem', { name: 'Export CSV', exact: true });
    expect(await link.getAttribute('href')).toBe('/api/v1/export/fees.csv?status=paid');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('fees.csv');
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('Id,Due date,Partner,')).toBe(true);
  });
});
