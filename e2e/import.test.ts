import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startWebApp, type WebApp } from './helpers.js';

// Semicolons, headers nobody would guess exactly, a date that does not exist (line 4) and a
// row without a name (line 5).
const CSV = [
  'Partner Name;E-mail address;Kind;Status;Next step date',
  'Brightline PR;dana@brightline.example;PR agency;call done;15/12/2026',
  'Northwind Copy;hi@northwind.example;copywriter;identified;01/12/2026',
  'Bad Date Studio;bad@date.example;agency;identified;31/02/2026',
  ';noname@example.com;brand;identified;',
  '',
].join('\r\n');

describe.skipIf(!hasChromium)('CSV import and export in the browser', () => {
  let app: WebApp;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    app = await startWebApp();
    page = await app.newPage();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerloop-import-'));
  });
  afterAll(async () => {
    await app?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const total = async () => {
    const res = await fetch(`${app.url}/api/v1/partners?limit=1&archived=include`);
    return ((await res.json()) as { total: number }).total;
  };

  it('uploads, maps, checks without writing, then imports and lists the partners', async () => {
    const file = path.join(dir, 'partners from the old sheet.csv');
    fs.writeFileSync(file, CSV);

    await page.goto('/partners');
    await page.getByRole('link', { name: 'Import a spreadsheet' }).click();
    await page.getByRole('heading', { name: 'Import partners from a spreadsheet' }).waitFor();
    await page.getByLabel('CSV file').setInputFiles(file);

    // The guessed mapping: four columns recognised, the date column left out.
    const mapping = page.getByRole('table', { name: 'Column mapping' });
    await mapping.waitFor();
    const choice = (header: string) => page.getByRole('combobox', { name: `Import “${header}” as` });
    expect(await choice('Partner Name').inputValue()).toBe('Name (required)');
    expect(await choice('E-mail address').inputValue()).toBe('E-mail');
    expect(await choice('Kind').inputValue()).toBe('Type (required)');
    expect(await choice('Status').inputValue()).toBe('Stage');
    expect(await choice('Next step date').inputValue()).toBe('Don’t import');
    const firstRows = page.getByRole('table', { name: 'First rows of the file' });
    expect(await firstRows.getByRole('row').count()).toBe(5);
    expect(await firstRows.getByRole('row').nth(1).textContent()).toContain('Brightline PR');

    await choice('Next step date').click();
    await page.getByRole('option', { name: 'Next action date', exact: true }).click();
    expect(await choice('Next step date').inputValue()).toBe('Next action date');

    await page.getByRole('button', { name: 'Check the file' }).click();
    const rejected = page.getByRole('table', { name: 'Rejected rows' });
    await rejected.waitFor();
    expect(await page.getByTestId('import-created').textContent()).toContain('2');
    expect(await page.getByTestId('import-rejected').textContent()).toContain('2');
    const rows = await rejected
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([
      ['4', 'Next step date', '"31/02/2026" is not a real calendar date'],
      ['5', 'Partner Name', 'must not be empty'],
    ]);
    // The check is a dry run: nothing is saved yet.
    expect(await total()).toBe(0);

    await page.getByRole('button', { name: 'Import 2 partners' }).click();
    await page.getByText('Import finished').first().waitFor();
    expect(await page.getByTestId('import-created').textContent()).toContain('2');
    expect(await total()).toBe(2);
    const saved = await fetch(`${app.url}/api/v1/partners?q=Northwind`);
    expect(((await saved.json()) as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ email: 'hi@northwind.example', type: 'complementary', nextActionDate: '2026-12-01' }),
    ]);

    await page.getByRole('link', { name: 'Open the partners table' }).click();
    const table = page.getByRole('table', { name: 'Partners' });
    const brightline = table.getByRole('row', { name: /Brightline PR/ });
    await brightline.waitFor();
    expect(await brightline.textContent()).toContain('Call done');
    await table.getByRole('row', { name: /Northwind Copy/ }).waitFor();
    expect(await table.getByRole('row', { name: /Bad Date Studio/ }).count()).toBe(0);
  });

  it('exports the partners the filters show as CSV, with a BOM for Excel on request', async () => {
    await page.goto('/partners?stage=call_done');
    await page.getByRole('row', { name: /Brightline PR/ }).waitFor();

    await page.getByRole('button', { name: 'More actions' }).click();
    const [plain] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Export CSV', exact: true }).click(),
    ]);
    expect(plain.suggestedFilename()).toBe('partners.csv');
    const text = fs.readFileSync(await plain.path(), 'utf8');
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]?.startsWith('Id,Name,Company,')).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',Brightline PR,');
    expect(lines[1]).toContain('dana@brightline.example');
    expect(text).not.toContain('Northwind Copy');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);

    await page.getByRole('button', { name: 'More actions' }).click();
    const [excel] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Export CSV for Excel (BOM)' }).click(),
    ]);
    const bytes = fs.readFileSync(await excel.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(text);
  });

  it('takes a dropped CSV file and explains a dropped file of another kind', async () => {
    await page.goto('/partners/import');
    const zone = page.getByTestId('import-dropzone');
    const drop = async (name: string, type: string, text: string) => {
      const data = await page.evaluateHandle(
        ([n, t, body]) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([body as string], n as string, { type: t as string }));
          return transfer;
        },
        [name, type, text],
      );
      await zone.dispatchEvent('drop', { dataTransfer: data });
    };
    await drop('notes.pdf', 'application/pdf', '%PDF-1.4');
    await page.getByText('"notes.pdf" is not a CSV file.', { exact: false }).waitFor();

    await drop('dropped.csv', 'text/csv', CSV);
    await page.getByRole('table', { name: 'Column mapping' }).waitFor();
    expect(await page.getByText('dropped.csv').count()).toBeGreaterThan(0);
    expect(await page.getByRole('combobox', { name: 'Import “Kind” as' }).inputValue()).toBe('Type (required)');
  });
});
