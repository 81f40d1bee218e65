import { expect, it } from 'vitest';
import { createHttpApp } from '../../src/http/app.js';
import { describeEachDb } from '../helpers/db.js';

/** 2,500 partners and, on file line 1,202, one whose date cannot be read. */
function bigCsv(): string {
  const lines = ['Partner name;Mail;Kind;Follow-up date'];
  for (let i = 1; i <= 2500; i += 1) {
    const date = i === 1201 ? '31/02/2026' : '15/12/2026';
    lines.push(`Partner ${i};p${i}@example.com;agency;${date}`);
  }
  return `${lines.join('\n')}\n`;
}

describeEachDb('HTTP import with streamed progress', (env) => {
  const app = () => createHttpApp({ deps: env().deps, ctx: env().ctx, logError: () => {} });
  const post = (query: string, body: string) =>
    app().request(`/api/v1/import/partners${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body,
    });
  const readLines = async (res: Response) =>
    (await res.text())
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('answers NDJSON: a progress line per batch, then the report', async () => {
    const csv = bigCsv();
    const res = await post('?progress=ndjson', csv);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = await readLines(res);
    const progress = lines.slice(0, -1);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.every((l) => l.type === 'progress')).toBe(true);
    expect(progress[0]).toMatchObject({ type: 'progress', rows: 1000, created: 1000, rejected: 0 });
    const rows = progress.map((l) => l.rows as number);
    const bytes = progress.map((l) => l.bytes as number);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(bytes[0]).toBeGreaterThan(0);
    expect(bytes.at(-1)).toBe(Buffer.byteLength(csv));
    expect(progress.at(-1)).toMatchObject({ rows: 2500, created: 2499, rejected: 1 });
    expect(lines.at(-1)).toMatchObject({
      type: 'report',
      dryRun: false,
      rows: 2500,
      created: 2499,
      rejected: 1,
      errors: [{ line: 1202, column: 'Follow-up date', field: 'nextActionDate' }],
    });
    const list = await app().request('/api/v1/partners?limit=1');
    expect((await list.json()).total).toBe(2499);
  });

  it('streams a dry run too, and writes nothing', async () => {
    const res = await post('?progress=ndjson&dryRun=true', bigCsv());
    const lines = await readLines(res);
    expect(lines[0]).toMatchObject({ type: 'progress', rows: 1000 });
    expect(lines.at(-1)).toMatchObject({ type: 'report', dryRun: true, created: 2499, rejected: 1 });
    const list = await app().request('/api/v1/partners?limit=1');
    expect((await list.json()).total).toBe(0);
  });

  it('refuses a file without a name column with a plain 400 before streaming', async () => {
    const res = await post('?progress=ndjson', 'Mail;Kind\na@example.com;agency\n');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.error.details.issues[0].field).toBe('name');
  });

  it('ends with an error line when the file breaks after the stream started, keeping the batches written', async () => {
    const rows = bigCsv().split('\n').slice(0, 1501);
    const res = await post('?progress=ndjson', `${rows.join('\n')}\n"Unclosed;x@example.com;agency;\n`);
    expect(res.status).toBe(200);
    const lines = await readLines(res);
    expect(lines[0]).toMatchObject({ type: 'progress', rows: 1000 });
    const last = lines.at(-1) as { type: string; error: { code: string; message: string } };
    expect(last.type).toBe('error');
    expect(last.error.code).toBe('validation_failed');
    expect(last.error.message).toBeTruthy();
    expect(lines.some((l) => l.type === 'report')).toBe(false);
    // Each batch is its own transaction: the first thousand rows stay.
    const list = await app().request('/api/v1/partners?limit=1');
    expect((await list.json()).total).toBe(1000);
  });
});
