import { expect, it } from 'vitest';
import { listPartnerPage } from '../../src/app/partners.js';
import { listReferralPage } from '../../src/app/referrals.js';
import { importText } from '../helpers/csv.js';
import { describeEachDb } from '../helpers/db.js';
import { importReferralText } from '../helpers/referral-csv.js';

// A NUL in a cell was a 500 on PostgreSQL (and stored on SQLite); it is now a rejected row.
describeEachDb('CSV import of control characters', (env) => {
  it('rejects a partner row with a NUL or a line break in one-line cells, and keeps the others', async () => {
    const { deps, ctx } = env();
    const csv = [
      'Name,Type,Company,Notes',
      'Bright\u0000line,agency,,',
      'Atlas,agency,Atlas\u0007Co,',
      '"Quiet\nStudio",agency,,',
      'Copy Kitchen,complementary,,"two\nlines are fine"',
      '',
    ].join('\n');
    const report = await importText(deps, ctx, csv);
    expect(report).toMatchObject({ rows: 4, created: 1, rejected: 3 });
    expect(report.errors).toEqual([
      { line: 2, column: 'Name', field: 'name', message: expect.stringMatching(/control characters/) },
      { line: 3, column: 'Company', field: 'company', message: expect.stringMatching(/control characters/) },
      { line: 4, column: 'Name', field: 'name', message: expect.stringMatching(/line breaks are not allowed/) },
    ]);
    const { items } = await listPartnerPage(deps, ctx, {});
    expect(items.map((p) => [p.name, p.notes])).toEqual([['Copy Kitchen', 'two\nlines are fine']]);
  });

  it('rejects a referral row with a NUL in any cell, and keeps the others', async () => {
    const { deps, ctx } = env();
    const csv = [
      'Lead,Date,Source,Notes,Company',
      'Acme\u0000,2026-11-03,inbound,,',
      'Beta,2026-11-03,inbound,a\u0000b,',
      'Gamma,2026-11-04,inbound,,G\u0000',
      'Delta,2026-11-05,inbound,"fine\r\nnotes",',
      '',
    ].join('\n');
    const report = await importReferralText(deps, ctx, csv);
    expect(report).toMatchObject({ rows: 4, created: 1, rejected: 3 });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'leadName'],
      [3, 'notes'],
      [4, 'company'],
    ]);
    expect(report.errors.every((e) => /control characters/.test(e.message))).toBe(true);
    const { items } = await listReferralPage(deps, ctx, {});
    expect(items.map((r) => [r.leadName, r.notes])).toEqual([['Delta', 'fine\nnotes']]);
  });
});
