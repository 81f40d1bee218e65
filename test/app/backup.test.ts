import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { backupWorkspace, restoreWorkspace, sqliteCopy } from '../../src/app/backup.js';
import type { Ctx, Deps } from '../../src/app/context.js';
import { newId } from '../../src/app/ids.js';
import { createPartner, editPartner, listPartnerPage, movePartner } from '../../src/app/partners.js';
import { createWorkspace, setProfile } from '../../src/app/profile.js';
import { BACKUP_TABLES } from '../../src/store/backup.js';
import { openStore } from '../../src/store/db.js';
import { backupText, linesOf } from '../helpers/backup.js';
import { importText } from '../helpers/csv.js';
import { describeEachDb, dialects, openTestDb } from '../helpers/db.js';

/** Every row of the backup, with the workspace id made neutral so two workspaces compare. */
function rowsOf(text: string, workspaceId: string) {
  return text
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((line) => line.replaceAll(workspaceId, 'WS'));
}

async function seed(deps: Deps, ctx: Ctx) {
  await setProfile(deps, ctx, { name: 'Northstar Studio', monthlyRevenueTarget: 1_500_000 });
  const a = await createPartner(deps, ctx, { name: 'Brightline PR', type: 'agency', subtype: 'pr', tags: ['b2b'] });
  await movePartner(deps, ctx, a.id, { to: 'contacted' });
  await editPartner(deps, ctx, a.id, { notes: 'Ünïcode – "quotes" and\nlines' });
  await importText(deps, ctx, 'name,type,tags\nCopy Kitchen,copywriter,"warm, vip"\nLedgerly,brand,\n');
}

describeEachDb('backup and restore', (env) => {
  it('restores every table into an empty workspace of each database', async () => {
    const { deps, ctx, dialect } = env();
    await seed(deps, ctx);
    const text = await backupText(deps, ctx);
    const header = JSON.parse(text.split('\n')[0]!);
    expect(header).toMatchObject({
      format: 'partnerloop-backup',
      version: 1,
      tables: BACKUP_TABLES.map((t) => t.name),
      dialect,
    });
    const original = rowsOf(text, ctx.workspaceId);
    expect(original.length).toBe(1 + 3 + 3 + 5 + 4);
    for (const target of dialects) {
      const db = await openTestDb(target);
      try {
        const tDeps: Deps = { store: db.store, clock: deps.clock, newId };
        const tCtx = await createWorkspace(tDeps);
        const counts = await restoreWorkspace(tDeps, tCtx, linesOf(text));
        expect(counts).toMatchObject({ workspaces: 1, partners: 3, partner_tags: 3, activities: 5, stage_events: 4 });
        const again = await backupText(tDeps, tCtx);
        expect(rowsOf(again, tCtx.workspaceId)).toEqual(original);
        const names = (await listPartnerPage(tDeps, tCtx, { sort: 'name' })).items.map((p) => p.name);
        expect(names).toEqual(['Brightline PR', 'Copy Kitchen', 'Ledgerly']);
      } finally {
        await db.cleanup();
      }
    }
  });

  it('covers every table of the schema', async () => {
    const { store } = env();
    const tables =
      store.dialect === 'sqlite'
        ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(store.db)
        : await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema()`.execute(store.db);
    const names = tables.rows.map((r) => r.name).filter((n) => !n.startsWith('kysely_') && !n.startsWith('sqlite_'));
    expect(names.sort()).toEqual(BACKUP_TABLES.map((t) => t.name).sort());
  });

  it('refuses a workspace that holds data unless forced, then replaces it in one go', async () => {
    const { deps, ctx } = env();
    await seed(deps, ctx);
    const text = await backupText(deps, ctx);
    await createPartner(deps, ctx, { name: 'Added after the backup', type: 'brand' });
    await expect(restoreWorkspace(deps, ctx, linesOf(text))).rejects.toMatchObject({ code: 'conflict' });
    expect((await listPartnerPage(deps, ctx, {})).total).toBe(4);
    await restoreWorkspace(deps, ctx, linesOf(text), { force: true });
    expect(rowsOf(await backupText(deps, ctx), ctx.workspaceId)).toEqual(rowsOf(text, ctx.workspaceId));
  });

  it('refuses a file that is not a backup, or a row for a column it does not know, changing nothing', async () => {
    const { deps, ctx } = env();
    await expect(restoreWorkspace(deps, ctx, linesOf('name,type\nA,brand\n'))).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'file: line 1: this is not a Partnerloop backup (no backup header)',
    });
    await seed(deps, ctx);
    const lines = (await backupText(deps, ctx)).split('\n');
    const other = await createWorkspace(deps);
    const broken = [...lines.slice(0, 3), '{"table":"partners","row":{"id":"x","colour":"red"}}'].join('\n');
    await expect(restoreWorkspace(deps, other, linesOf(broken))).rejects.toMatchObject({
      message: 'file: line 4: partners has no column colour',
    });
    expect((await listPartnerPage(deps, other, {})).total).toBe(0);
  });

  it('takes a consistent snapshot while another connection writes', async () => {
    const { deps, ctx, dialect, store } = env();
    await seed(deps, ctx);
    const writer = dialect === 'sqlite' ? openStore({ sqliteFile: store.file! }) : store;
    const wDeps: Deps = { ...deps, store: writer };
    let calls = 0;
    let out = '';
    try {
      await backupWorkspace(deps, ctx, async (chunk) => {
        out += chunk;
        calls += 1;
        // The snapshot began with the first read; this partner arrives after it.
        if (calls === 2) await createPartner(wDeps, ctx, { name: 'Written during the backup', type: 'brand' });
      });
    } finally {
      if (writer !== store) await writer.close();
    }
    expect(out).not.toContain('Written during the backup');
    expect((await listPartnerPage(deps, ctx, {})).total).toBe(4);
  });

  it('copies the SQLite database file hot with VACUUM INTO, and refuses on PostgreSQL', async () => {
    const { deps, ctx, dialect } = env();
    await seed(deps, ctx);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerloop-copy-'));
    const file = path.join(dir, 'copy.db');
    try {
      if (dialect === 'postgres') {
        await expect(sqliteCopy(deps, file)).rejects.toMatchObject({ code: 'conflict' });
        return;
      }
      await sqliteCopy(deps, file);
      const copy = openStore({ sqliteFile: file });
      const rows = await copy.db
        .selectFrom('partners')
        .select('name')
        .where('workspaceId', '=', ctx.workspaceId)
        .execute();
      await copy.close();
      expect(rows.map((r) => r.name).sort()).toEqual(['Brightline PR', 'Copy Kitchen', 'Ledgerly']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
