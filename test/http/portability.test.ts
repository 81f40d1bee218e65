import { expect, it } from 'vitest';
import { createHttpApp } from '../../src/http/app.js';
import { describeEachDb } from '../helpers/db.js';

const CSV =
  'Organisation;Mail;Kind;Status\nBrightline PR;dana@brightline.example;PR agency;call done\nBad;x@y.example;brand;31/02/2026\n';

describeEachDb('HTTP import and export', (env) => {
  const app = () => createHttpApp({ deps: env().deps, ctx: env().ctx, logError: () => {} });
  const post = (query: string, body: string, type = 'text/csv') =>
    app().request(`/api/v1/import/partners${query}`, { method: 'POST', headers: { 'content-type': type }, body });

  it('imports a CSV body, dry run first, and reports rejected rows', async () => {
    const dry = await post('?dryRun=true&map=Mail%3Demail', CSV);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({
      dryRun: true,
      created: 1,
      rejected: 1,
      errors: [{ line: 3, column: 'Status', field: 'stage' }],
    });
    const list = await app().request('/api/v1/partners');
    expect((await list.json()).total).toBe(0);
    const real = await post('?map=Mail%3Demail', CSV);
    expect(await real.json()).toMatchObject({ dryRun: false, created: 1, rejected: 1 });
    expect((await (await app().request('/api/v1/partners')).json()).total).toBe(1);
  });

  it('refuses other body types (415) and a map naming no field (400)', async () => {
    const wrongType = await post('', CSV, 'application/octet-stream');
    expect(wrongType.status).toBe(415);
    const badMap = await post('?map=Mail%3Dmailbox', CSV);
    expect(badMap.status).toBe(400);
    expect((await badMap.json()).error.details.issues[0].field).toBe('map.Mail');
  });

  it('exports the filtered partners as CSV, with a BOM on request', async () => {
    await post('?map=Mail%3Demail', CSV);
    const res = await app().request('/api/v1/export/partners.csv?bom=true&stage=call_done');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(text).toContain(',Brightline PR,');
    const bad = await app().request('/api/v1/export/partners.csv?stage=nowhere');
    expect(bad.status).toBe(400);
  });

  it('previews the header, first rows and guessed mapping without writing anything', async () => {
    const res = await post('/preview?map=Status%3Dignore', CSV);
    expect(res.status).toBe(200);
    const preview = await res.json();
    expect(preview).toMatchObject({
      header: ['Organisation', 'Mail', 'Kind', 'Status'],
      sample: [
        { line: 2, cells: ['Brightline PR', 'dana@brightline.example', 'PR agency', 'call done'] },
        { line: 3, cells: ['Bad', 'x@y.example', 'brand', '31/02/2026'] },
      ],
      mapping: [
        { column: 'Organisation', field: 'name' },
        { column: 'Mail', field: 'email' },
        { column: 'Kind', field: 'type' },
      ],
      ignoredColumns: ['Status'],
    });
    expect(preview.fields).toContainEqual({ key: 'email', label: 'E-mail', required: false });
    expect((await (await app().request('/api/v1/partners')).json()).total).toBe(0);
  });
});
