import { expect, it } from 'vitest';
import { createHttpApp } from '../../src/http/app.js';
import { describeEachDb } from '../helpers/db.js';

const CSV = 'Referred by;Client;When;Result\nNew Friends;Acme Co;03/11/2026;open\nNew Friends;Beta;31/02/2026;open\n';

describeEachDb('HTTP referral import with streamed progress', (env) => {
  const app = () => createHttpApp({ deps: env().deps, ctx: env().ctx, logError: () => {} });
  const post = (query: string, body: string) =>
    app().request(`/api/v1/import/referrals${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body,
    });
  const readLines = async (res: Response) =>
    (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const referralCount = async () => (await (await app().request('/api/v1/referrals?limit=10')).json()).items.length;

  it('streams a dry run with the partners it would create, and writes nothing', async () => {
    const res = await post('?progress=ndjson&dryRun=true&createPartners=true', CSV);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = await readLines(res);
    expect(lines[0]).toMatchObject({ type: 'progress', rows: 2, created: 1, rejected: 1 });
    expect(lines.at(-1)).toMatchObject({
      type: 'report',
      dryRun: true,
      created: 1,
      rejected: 1,
      partnersCreated: [{ name: 'New Friends' }],
      errors: [{ line: 3, column: 'When' }],
    });
    expect(await referralCount()).toBe(0);
  });

  it('streams a real import and saves the referral and the new partner', async () => {
    const lines = await readLines(await post('?progress=ndjson&createPartners=true', CSV));
    expect(lines.at(-1)).toMatchObject({
      type: 'report',
      dryRun: false,
      created: 1,
      partnersCreated: [{ name: 'New Friends' }],
    });
    expect(await referralCount()).toBe(1);
    const partners = await (await app().request('/api/v1/partners?q=New%20Friends')).json();
    expect(partners.total).toBe(1);
  });

  it('refuses a file without a partner column with a plain 400 before streaming', async () => {
    const res = await post('?progress=ndjson', 'Referred by;When\nNew Friends;03/11/2026\n');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });
});
