import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, startWebApp, type WebApp } from './helpers.js';

/** What a page's own script gets back from the server it was loaded from. */
const tryReadAndWrite = async () => {
  const read = await fetch('/api/v1/export/partners.csv');
  const write = await fetch('/api/v1/partners', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Planted by evil.example', type: 'agency' }),
  });
  return { read: read.status, csv: await read.text(), write: write.status };
};

// A page on evil.example whose name the attacker has rebound to 127.0.0.1: for the browser
// its requests are same-origin, so only the server's Host check stands in the way.
describe.skipIf(!hasChromium)('DNS rebinding in the browser', () => {
  let app: WebApp;
  let evilUrl: string;

  beforeAll(async () => {
    app = await startWebApp({ browserArgs: ['--host-resolver-rules=MAP evil.example 127.0.0.1'] });
    evilUrl = `http://evil.example:${new URL(app.url).port}/`;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('gives a page on a rebound name neither the partner export nor a write (421)', async () => {
    const page = await app.newPage();
    const response = await page.goto(evilUrl);
    expect(response?.status()).toBe(421);
    expect(new URL(page.url()).hostname).toBe('evil.example');
    const result = await page.evaluate(tryReadAndWrite);
    expect(result.read).toBe(421);
    expect(result.csv).toContain('misdirected_request');
    expect(result.csv).not.toContain('Name');
    expect(result.write).toBe(421);
    const partners = (await (await fetch(`${app.url}/api/v1/partners?limit=1`)).json()) as { total: number };
    expect(partners.total).toBe(0);
  });

  it("still lets the app's own page do both", async () => {
    const page = await app.newPage();
    await page.goto('/');
    const result = await page.evaluate(tryReadAndWrite);
    expect(result.read).toBe(200);
    expect(result.write).toBe(201);
  });
});
