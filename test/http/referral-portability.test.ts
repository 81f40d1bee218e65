import { expect, it } from 'vitest';
import { activateAgreement, addAgreement } from '../../src/app/agreements.js';
import { createHttpApp } from '../../src/http/app.js';
import { describeEachDb } from '../helpers/db.js';
import { partnerAfterCall } from '../helpers/partners.js';

const CSV =
  'Referred by;Client;When;Result;MRR\nBrightline PR;Acme Co;03/11/2026;won;$2,000.00\nNew Friends;Beta;Nov 4, 2026;open;\n';

describeEachDb('HTTP referral import and referral/fee export', (env) => {
  const app = () => createHttpApp({ deps: env().deps, ctx: env().ctx, logError: () => {} });
  const post = (query: string, body: string, type = 'text/csv') =>
    app().request(`/api/v1/import/referrals${query}`, { method: 'POST', headers: { 'content-type': type }, body });

  async function brightlineWithDeal() {
    const { deps, ctx } = env();
    const p = await partnerAfterCall(deps, ctx);
    const a = await addAgreement(deps, ctx, p.id, {
      feeToThem: { kind: 'percent', percent: 10, months: 3 },
      feeToUs: { kind: 'none' },
      handoffMethod: 'intro_email',
      startDate: '2026-01-01',
    });
    await activateAgreement(deps, ctx, a.id);
  }

  it('dry-runs, reports the unknown partner, then imports creating it on request', async () => {
    await brightlineWithDeal();
    const dry = await post('?dryRun=true', CSV);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({
      dryRun: true,
      created: 1,
      rejected: 1,
      partnersCreated: [],
      errors: [
        {
          line: 3,
          column: 'Referred by',
          field: 'partner',
          message: 'no partner "New Friends"; add the partner first, or import with create partners on',
        },
      ],
    });
    expect((await (await app().request('/api/v1/referrals')).json()).items).toHaveLength(0);
    const real = await post('?createPartners=true', CSV);
    const report = await real.json();
    expect(report).toMatchObject({ dryRun: false, created: 2, rejected: 0 });
    expect(report.partnersCreated).toEqual([{ id: expect.any(String), name: 'New Friends', type: 'agency' }]);
    expect((await (await app().request('/api/v1/referrals')).json()).items).toHaveLength(2);
    expect(await (await post('?createPartners=true', CSV)).json()).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('previews the mapping, refuses a wrong body type (415) and a bad flag (400)', async () => {
    const preview = await app().request('/api/v1/import/referrals/preview', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: CSV,
    });
    expect(await preview.json()).toMatchObject({
      entity: 'referrals',
      mapping: [
        { column: 'Referred by', field: 'partner' },
        { column: 'Client', field: 'leadName' },
        { column: 'When', field: 'date' },
        { column: 'Result', field: 'outcome' },
        { column: 'MRR', field: 'monthlyValue' },
      ],
    });
    expect((await post('', CSV, 'application/octet-stream')).status).toBe(415);
    expect((await post('?createPartners=yes', CSV)).status).toBe(400);
  });

  it('exports referrals and fee lines as CSV with the list filters', async () => {
    await brightlineWithDeal();
    await post('?createPartners=true', CSV);
    const referrals = await app().request('/api/v1/export/referrals.csv?outcome=won');
    expect(referrals.status).toBe(200);
    expect(referrals.headers.get('content-disposition')).toBe('attachment; filename="referrals.csv"');
    const lines = (await referrals.text()).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',Brightline PR,');
    expect(lines[1]).toContain(',2026-11-03,won,,,2000.00,USD,2026-11-03,,');
    const fees = await app().request('/api/v1/export/fees.csv?bom=true&direction=payable');
    expect(fees.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await fees.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.startsWith('Id,Due date,Partner,')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(text).toContain(',2026-12-03,Brightline PR,');
    expect(text).toContain(',payable,1,200.00,USD,due,');
    expect((await app().request('/api/v1/export/fees.csv?status=late')).status).toBe(400);
    expect((await app().request('/api/v1/export/referrals.csv?outcome=maybe')).status).toBe(400);
  });
});
