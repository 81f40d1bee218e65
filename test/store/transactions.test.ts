import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/app/context.js';
import { newId } from '../../src/app/ids.js';
import { createPartner } from '../../src/app/partners.js';
import { createWorkspace } from '../../src/app/profile.js';
import { DEFAULT_PROFILE } from '../../src/domain/profile.js';
import { insertWorkspace } from '../../src/store/workspaces.js';
import { describeEachDb, openTestDb } from '../helpers/db.js';

const workspaceRow = (id: string) => ({
  id,
  ...DEFAULT_PROFILE,
  createdAt: '2026-11-24T00:00:00.000Z',
  updatedAt: '2026-11-24T00:00:00.000Z',
});

describeEachDb('write transactions side by side', (env) => {
  it('commit every write that succeeds and nothing of one that fails', async () => {
    const { store, deps, ctx } = env();
    const lost = newId();
    const writes = Array.from({ length: 9 }, (_, i) => createPartner(deps, ctx, { name: `P${i}`, type: 'agency' }));
    const failing = inTransaction(deps, async (db) => {
      await insertWorkspace(db, workspaceRow(lost));
      throw new Error('changed its mind');
    });
    const settled = await Promise.allSettled([...writes, failing]);
    expect(settled.map((s) => s.status)).toEqual([...Array(9).fill('fulfilled'), 'rejected']);
    expect((settled[9] as PromiseRejectedResult).reason.message).toBe('changed its mind');
    // The reader is another connection: it sees only what was committed.
    const names = await store.reader
      .selectFrom('partners')
      .select('name')
      .where('workspaceId', '=', ctx.workspaceId)
      .orderBy('name')
      .execute();
    expect(names.map((n) => n.name)).toEqual(['P0', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8']);
    expect(await store.reader.selectFrom('workspaces').select('id').where('id', '=', lost).execute()).toEqual([]);
  });

  it('answer each caller after its write is committed', async () => {
    const { store, deps, ctx } = env();
    const partners = await Promise.all(
      Array.from({ length: 5 }, (_, i) => createPartner(deps, ctx, { name: `Q${i}`, type: 'agency' })),
    );
    for (const p of partners) {
      const row = await store.reader.selectFrom('partners').select('name').where('id', '=', p.id).executeTakeFirst();
      expect(row?.name).toBe(p.name);
    }
  });
});

describe('SQLite writes committed together', () => {
  it('all fail when their shared commit fails, and none of them is kept', async () => {
    const db = await openTestDb('sqlite');
    try {
      const { store } = db;
      const deps = { store, clock: () => new Date('2026-11-24T10:00:00Z'), newId };
      const ctx = await createWorkspace(deps);
      const other = newId();
      const good = inTransaction(deps, (tx) => insertWorkspace(tx, workspaceRow(other)));
      // A foreign key checked only at commit: the savepoint takes it, the commit refuses it.
      const bad = inTransaction(deps, async (tx) => {
        await sql`pragma defer_foreign_keys = on`.execute(tx);
        await tx
          .insertInto('stageEvents')
          .values({
            id: newId(),
            workspaceId: ctx.workspaceId,
            partnerId: 'no-such-partner',
            stage: 'identified',
            at: '2026-11-24',
          })
          .execute();
      });
      const settled = await Promise.allSettled([good, bad]);
      expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
      expect(String((settled[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
      expect(await store.db.selectFrom('workspaces').select('id').where('id', '=', other).execute()).toEqual([]);
      // The connection is usable again.
      const later = newId();
      await inTransaction(deps, (tx) => insertWorkspace(tx, workspaceRow(later)));
      expect(await store.db.selectFrom('workspaces').select('id').where('id', '=', later).execute()).toEqual([
        { id: later },
      ]);
    } finally {
      await db.cleanup();
    }
  });
});
