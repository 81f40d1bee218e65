import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { listPartnerPage, partnerTimeline } from '../../src/app/partners.js';
import { createWorkspace } from '../../src/app/profile.js';
import { importText } from '../helpers/csv.js';
import { describeEachDb } from '../helpers/db.js';

// A spreadsheet as owners really send it: BOM, semicolons, CRLF, a blank line, a quoted line
// break, a repeated header, odd dates and words.
const MESSY = [
  '\ufeffPartner name;E-mail;Type;Status;Follow-up date;Notes;E-mail',
  'Brightline PR;dana@brightline.example;PR agency;call done;24/11/2026;"Met at the meetup;',
  'wants a call";ignored@x.example',
  '',
  'Copy Kitchen;ana@copykitchen.example;copywriter;agreement yes;2026-12-01;;',
  'Atlas Web Works;chen@atlas.example;web agency;contacted;31/02/2026;;',
  ';nobody@x.example;brand;contacted;;;',
  'Ledgerly;hello@ledgerly.example;SaaS;maybe later;;;',
  'Northwind;not-an-email;brand;contacted;Dec 3, 2026;;',
  'Quiet Studio;quiet@studio.example;design studio;no reply;03.12.2026;;',
  '',
].join('\r\n');

describeEachDb('CSV import of partners', (env) => {
  it('imports a messy spreadsheet and explains every rejected row with its line and column', async () => {
    const { deps, ctx } = env();
    const report = await importText(deps, ctx, MESSY);
    expect(report).toMatchObject({ rows: 7, created: 3, updated: 0, unchanged: 0, rejected: 4, dryRun: false });
    expect(report.warnings).toEqual(['column 7 repeats the header "E-mail" of column 2; it is ignored']);
    expect(report.mapping).toEqual([
      { column: 'Partner name', field: 'name' },
      { column: 'E-mail', field: 'email' },
      { column: 'Type', field: 'type' },
      { column: 'Status', field: 'stage' },
      { column: 'Follow-up date', field: 'nextActionDate' },
      { column: 'Notes', field: 'notes' },
    ]);
    expect(report.errors).toEqual([
      {
        line: 6,
        column: 'Follow-up date',
        field: 'nextActionDate',
        message: '"31/02/2026" is not a real calendar date',
      },
      { line: 7, column: 'Partner name', field: 'name', message: 'must not be empty' },
      {
        line: 8,
        column: 'Status',
        field: 'stage',
        message:
          '"maybe later" is not a stage we know; use one of: identified, contacted, followed_up, replied, call_booked, call_done, agreement, declined, no_response, paused, ended',
      },
      { line: 9, column: 'E-mail', field: 'email', message: 'expected an e-mail address such as dana@example.com' },
    ]);
    const page = await listPartnerPage(deps, ctx, { sort: 'name' });
    expect(page.items.map((p) => [p.name, p.type, p.subtype, p.stage, p.nextActionDate, p.notes])).toEqual([
      ['Brightline PR', 'agency', 'pr', 'call_done', '2026-11-24', 'Met at the meetup;\nwants a call'],
      ['Copy Kitchen', 'complementary', 'copywriter', 'agreement', '2026-12-01', null],
      ['Quiet Studio', 'agency', 'other', 'no_response', '2026-12-03', null],
    ]);
    const timeline = await partnerTimeline(deps, ctx, page.items[0]!.id);
    expect(timeline.items.map((a) => [a.kind, a.summary])).toEqual([
      ['partner.imported', 'Imported at stage Call done'],
    ]);
  });

  it('gives SQLite its usual page cache back after the import', async () => {
    const { deps, ctx, dialect } = env();
    const cacheSize = async () =>
      (await sql<{ cache_size: number }>`pragma cache_size`.execute(deps.store.db.withoutPlugins())).rows[0]
        ?.cache_size;
    if (dialect !== 'sqlite') return expect(deps.store.dialect).toBe('postgres');
    await sql`pragma cache_size = -12345`.execute(deps.store.db);
    await importText(deps, ctx, 'Name,Type\nBrightline PR,agency\n');
    expect(await cacheSize()).toBe(-12345);
  });

  it('changes nothing in a dry run, and reports exactly what the real run then does', async () => {
    const { deps, ctx } = env();
    const dry = await importText(deps, ctx, MESSY, { dryRun: true, batchSize: 2 });
    expect((await listPartnerPage(deps, ctx, {})).total).toBe(0);
    const progress: number[] = [];
    const real = await importText(deps, ctx, MESSY, { batchSize: 2, onProgress: (p) => progress.push(p.rowsRead) });
    expect({ ...dry, dryRun: false }).toEqual(real);
    expect(progress.at(-1)).toBe(7);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThan(1);
    expect(dry.dryRun).toBe(true);
  });

  it('reports progress every 5,000 rows read, before the batch holding them is written', async () => {
    const { deps, ctx } = env();
    const rows = Array.from({ length: 12_000 }, (_, i) => `Partner ${i},agency\n`).join('');
    const progress: [number, number][] = [];
    const report = await importText(
      deps,
      ctx,
      `Name,Type\n${rows}`,
      { batchSize: 20_000, onProgress: (p) => progress.push([p.rowsRead, p.created]) },
      64 * 1024,
    );
    expect(report.created).toBe(12_000);
    expect(progress).toEqual([
      [5000, 0],
      [10_000, 0],
      [12_000, 12_000],
      // The end of the file reports once more.
      [12_000, 12_000],
    ]);
  });

  it('re-imports without duplicates: matches on id, e-mail or LinkedIn URL and records updates', async () => {
    const { deps, ctx, clock } = env();
    const csv = [
      'Name,Email,LinkedIn,Type,Stage,Tags',
      'Brightline PR,dana@brightline.example,,agency,contacted,"b2b, warm"',
      'Copy Kitchen,,https://www.linkedin.com/in/ana-k/,complementary,identified,',
    ].join('\n');
    expect(await importText(deps, ctx, csv)).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(await importText(deps, ctx, csv)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    clock.advanceDays(1);
    const changed = [
      'name,e-mail,linkedin url,type,status,tags',
      'Brightline PR,DANA@brightline.example,,agency,call booked,"warm, b2b"',
      'Copy Kitchen (Ana),,linkedin.com/in/ana-k,complementary,identified,',
    ].join('\n');
    expect(await importText(deps, ctx, changed)).toMatchObject({ created: 0, updated: 2, unchanged: 0 });
    const page = await listPartnerPage(deps, ctx, { sort: 'name' });
    expect(page.items.map((p) => [p.name, p.stage, p.tags])).toEqual([
      ['Brightline PR', 'call_booked', ['b2b', 'warm']],
      ['Copy Kitchen (Ana)', 'identified', []],
    ]);
    const timeline = await partnerTimeline(deps, ctx, page.items[0]!.id);
    expect(timeline.items.map((a) => a.summary)).toEqual([
      'Updated by import: email, stage; stage Contacted → Call booked',
      'Imported at stage Contacted',
    ]);
    const byId = `id,name,type\n${page.items[1]!.id},Copy Kitchen,complementary\n`;
    expect(await importText(deps, ctx, byId)).toMatchObject({ created: 0, updated: 1 });
    expect((await listPartnerPage(deps, ctx, {})).total).toBe(2);
  });

  it('treats a partner repeated in the file as one partner, within and across batches', async () => {
    const { deps, ctx } = env();
    const csv = [
      'name,email,type,stage',
      'A,a@x.example,brand,contacted',
      'B,b@x.example,brand,contacted',
      'A again,A@x.example,brand,replied',
      'B,b@x.example,brand,contacted',
    ].join('\n');
    for (const batchSize of [1000, 2]) {
      const fresh = batchSize === 1000 ? ctx : await createWorkspace(deps);
      const report = await importText(deps, fresh, csv, { batchSize });
      expect(report).toMatchObject({ created: 2, updated: 1, unchanged: 1, rejected: 0 });
      const names = (await listPartnerPage(deps, fresh, { sort: 'name' })).items.map((p) => [p.name, p.stage]);
      expect(names).toEqual([
        ['A again', 'replied'],
        ['B', 'contacted'],
      ]);
    }
  });

  it('refuses a row that points at two different partners', async () => {
    const { deps, ctx } = env();
    await importText(deps, ctx, 'name,email,linkedin,type\nA,a@x.example,,brand\nB,,linkedin.com/in/b,brand\n');
    const report = await importText(deps, ctx, 'name,email,linkedin,type\nAB,a@x.example,linkedin.com/in/b,brand\n');
    expect(report.errors).toEqual([
      {
        line: 2,
        column: 'email',
        field: 'email',
        message:
          'matches two different partners ("A" and "B") by id, e-mail or LinkedIn URL; make the row point to one',
      },
    ]);
  });

  it('takes column overrides, refuses unknown fields and a file without a name column', async () => {
    const { deps, ctx } = env();
    const csv = 'Org;Kind;When;Comments\nAcme;brand;03/04/2026;hi\n';
    await expect(importText(deps, ctx, csv)).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [expect.objectContaining({ field: 'name' })] },
    });
    await expect(importText(deps, ctx, csv, { map: { Org: 'title' } })).rejects.toMatchObject({
      details: {
        issues: [
          expect.objectContaining({ field: 'map.Org', message: expect.stringContaining('"title" is not a field') }),
        ],
      },
    });
    const report = await importText(deps, ctx, csv, {
      map: { Org: 'name', Kind: 'type', When: 'nextActionDate', Comments: 'ignore' },
      dateOrder: 'mdy',
    });
    expect(report).toMatchObject({ created: 1, ignoredColumns: ['Comments'] });
    const [p] = (await listPartnerPage(deps, ctx, {})).items;
    expect([p?.name, p?.nextActionDate, p?.notes]).toEqual(['Acme', '2026-03-04', null]);
  });

  it('reads tab-separated files and quoted separators, and refuses an empty file', async () => {
    const { deps, ctx } = env();
    const report = await importText(deps, ctx, 'Name\tType\tNotes\n"Tab, Semi; Co"\tbrand\t"a\tb"\n', {}, 3);
    expect(report).toMatchObject({ created: 1, rejected: 0 });
    const [p] = (await listPartnerPage(deps, ctx, {})).items;
    expect([p?.name, p?.notes]).toEqual(['Tab, Semi; Co', 'a\tb']);
    await expect(importText(deps, ctx, '\ufeff\n\n')).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('keeps a stray quote in a plain cell, and refuses a quote left open, writing nothing', async () => {
    const { deps, ctx } = env();
    const stray = await importText(deps, ctx, 'Name,Type\nThe 5" Studio,brand\n');
    expect(stray).toMatchObject({ created: 1 });
    await expect(importText(deps, ctx, 'Name,Type\nB,brand\n"Open,brand\nC,brand\n')).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining(
        'file: the CSV cannot be read: the quoted cell opened on line 3 is never closed',
      ),
    });
    expect((await listPartnerPage(deps, ctx, {})).items.map((p) => p.name)).toEqual(['The 5" Studio']);
  });
});
