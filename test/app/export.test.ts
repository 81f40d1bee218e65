import { expect, it } from 'vitest';
import { createPartner, listPartnerPage } from '../../src/app/partners.js';
import { createWorkspace } from '../../src/app/profile.js';
import { csvRows, exportText, importText } from '../helpers/csv.js';
import { describeEachDb } from '../helpers/db.js';

const withoutIdentity = (rows: Record<string, string>[]) =>
  rows.map(({ Id: _i, 'Created at': _c, 'Updated at': _u, ...rest }) => rest);

describeEachDb('CSV export of partners', (env) => {
  it('neutralises formula-like cells, keeps ISO dates and offers a BOM', async () => {
    const { deps, ctx } = env();
    await createPartner(deps, ctx, {
      name: '=HYPERLINK("http://evil.example","click")',
      type: 'brand',
      notes: '-2+3',
      owner: '@sam',
      nextAction: '+1 follow-up',
      nextActionDate: '2026-12-05',
      tags: ['b2b', 'warm'],
    });
    const csv = await exportText(deps, ctx, {}, true);
    expect(csv.startsWith('\ufeffId,Name,Company,')).toBe(true);
    const [row] = csvRows(csv);
    expect(row).toMatchObject({
      Name: `'=HYPERLINK("http://evil.example","click")`,
      Notes: `'-2+3`,
      Owner: `'@sam`,
      'Next action': `'+1 follow-up`,
      'Next action date': '2026-12-05',
      Tags: 'b2b, warm',
      Stage: 'identified',
      'Created at': '2026-11-24T10:00:00.000Z',
    });
    expect((await exportText(deps, ctx)).startsWith('Id,')).toBe(true);
  });

  it('applies the list filters', async () => {
    const { deps, ctx } = env();
    await createPartner(deps, ctx, { name: 'Brand one', type: 'brand' });
    await createPartner(deps, ctx, { name: 'Agency one', type: 'agency', stage: 'contacted' });
    expect(csvRows(await exportText(deps, ctx, { type: 'agency' })).map((r) => r.Name)).toEqual(['Agency one']);
    expect(csvRows(await exportText(deps, ctx, { stage: 'identified' })).map((r) => r.Name)).toEqual(['Brand one']);
    await expect(exportText(deps, ctx, { stage: 'nowhere' })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('round-trips: CSV → database → CSV → an empty workspace gives the same records', async () => {
    const { deps, ctx } = env();
    const source = [
      'Name,Company,Contact name,E-mail,LinkedIn,Website,Type,Subtype,Audience,Stage,Owner,Tags,Notes,Next action,Next action date',
      'Brightline PR,Brightline Ltd,Dana Whitfield,dana@brightline.example,https://www.linkedin.com/in/dana,https://brightline.example,agency,pr,B2B founders,call_done,Sam,"b2b, warm","Line one',
      'line two",Send the one-pager,2026-12-01',
      '=cmd|calc,,,,,,brand,,,identified,,,-not a formula,@mention,',
      'Copy Kitchen,,Ana,ana@copykitchen.example,,,complementary,copywriter,,agreement,,,,,',
    ].join('\n');
    expect(await importText(deps, ctx, source)).toMatchObject({ created: 3, rejected: 0 });
    const first = await exportText(deps, ctx);
    const other = await createWorkspace(deps);
    const back = await importText(deps, other, first);
    expect(back.errors).toEqual([]);
    expect(back).toMatchObject({ created: 3, rejected: 0 });
    const second = await exportText(deps, other);
    expect(withoutIdentity(csvRows(second))).toEqual(withoutIdentity(csvRows(first)));
    const names = (await listPartnerPage(deps, other, { sort: 'name' })).items.map((p) => p.name);
    expect(names).toEqual(['=cmd|calc', 'Brightline PR', 'Copy Kitchen']);
    // The export read back into the same workspace matches every partner by id: nothing new.
    expect(await importText(deps, ctx, first)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });
});
