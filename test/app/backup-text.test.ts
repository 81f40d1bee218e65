import { expect, it } from 'vitest';
import { restoreWorkspace } from '../../src/app/backup.js';
import type { Ctx, Deps } from '../../src/app/context.js';
import { newId } from '../../src/app/ids.js';
import { createPartner, listPartnerPage } from '../../src/app/partners.js';
import { createWorkspace, setProfile, showProfile } from '../../src/app/profile.js';
import { backupText, linesOf } from '../helpers/backup.js';
import { describeEachDb, dialects, openTestDb } from '../helpers/db.js';

/** The backup with one row changed, and the (1-based) line it is on. */
function editRow(text: string, table: string, edit: (row: Record<string, unknown>) => void) {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.startsWith(`{"table":"${table}"`));
  const entry = JSON.parse(lines[index]!);
  edit(entry.row);
  lines[index] = JSON.stringify(entry);
  return { text: lines.join('\n'), line: index + 1, id: entry.row.id as string };
}

/** Restores into a fresh workspace of every dialect and expects a refusal that restores nothing. */
async function refusedEverywhere(deps: Deps, text: string, message: string | RegExp) {
  for (const target of dialects) {
    const db = await openTestDb(target);
    try {
      const tDeps: Deps = { store: db.store, clock: deps.clock, newId };
      const tCtx = await createWorkspace(tDeps);
      const before = await showProfile(tDeps, tCtx);
      const err = await restoreWorkspace(tDeps, tCtx, linesOf(text)).catch((e: unknown) => e);
      expect(err, target).toMatchObject({ code: 'validation_failed', message });
      expect((err as Error).message).not.toMatch(/sqlite|postgres|syntax|invalid byte|0x00|driver/i);
      // All or nothing: the workspace row came first in the file and is untouched too.
      expect((await listPartnerPage(tDeps, tCtx, {})).total, target).toBe(0);
      expect(await showProfile(tDeps, tCtx)).toEqual(before);
    } finally {
      await db.cleanup();
    }
  }
}

describeEachDb('restoring text a database cannot hold', (env) => {
  async function seed(deps: Deps, ctx: Ctx) {
    await setProfile(deps, ctx, { name: 'Northstar Studio' });
    await createPartner(deps, ctx, { name: 'Brightline PR', type: 'agency', tags: ['b2b'] });
    await createPartner(deps, ctx, { name: 'Copy Kitchen', type: 'complementary', tags: ['warm'] });
  }

  it('refuses a backup row holding NUL, naming its line, record and column, and restores nothing', async () => {
    const { deps, ctx } = env();
    await seed(deps, ctx);
    const bad = editRow(await backupText(deps, ctx), 'partners', (row) => {
      row.name = 'Bright\u0000line';
    });
    await refusedEverywhere(
      deps,
      bad.text,
      `file: line ${bad.line}: partners ${bad.id}, column name: control characters (such as U+0000) are not allowed; tab and line breaks are fine`,
    );
  });

  it('refuses an unpaired surrogate and a value that is not text, a number or null', async () => {
    const { deps, ctx } = env();
    await seed(deps, ctx);
    const text = await backupText(deps, ctx);
    const surrogate = editRow(text, 'partners', (row) => {
      row.notes = 'half \ud83d';
    });
    await refusedEverywhere(deps, surrogate.text, /column notes: expected valid Unicode text/);
    const object = editRow(text, 'partners', (row) => {
      row.company = { nested: true };
    });
    await refusedEverywhere(
      deps,
      object.text,
      `file: line ${object.line}: partners ${object.id}, column company: expected text, a number or null`,
    );
  });

  it('a SQLite database holding NUL from before the fix backs up, and the backup is refused with the record named', async () => {
    const { deps, ctx, dialect, store } = env();
    if (dialect !== 'sqlite') return; // PostgreSQL never held one.
    await seed(deps, ctx);
    const p = (await listPartnerPage(deps, ctx, { sort: 'name' })).items[0]!;
    await store.db.updateTable('partners').set({ notes: 'legacy\u0000notes' }).where('id', '=', p.id).execute();
    const text = await backupText(deps, ctx);
    await refusedEverywhere(deps, text, new RegExp(`partners ${p.id}, column notes: control characters`));
  });

  it('names the lines of a row the database refuses instead of a driver error', async () => {
    const { deps, ctx } = env();
    await seed(deps, ctx);
    const lines = (await backupText(deps, ctx)).split('\n');
    const tagAt = lines.findIndex((l) => l.startsWith('{"table":"partner_tags"'));
    lines.splice(tagAt + 1, 0, JSON.stringify({ table: 'partner_tags', row: { partner_id: 'no-such', tag: 'x' } }));
    await refusedEverywhere(
      deps,
      lines.join('\n'),
      `file: one of lines ${tagAt + 1}–${tagAt + 3}: the partner_tags row could not be stored (a value of the wrong kind, or a missing or repeated record)`,
    );
  });
});
