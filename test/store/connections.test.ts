import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/app/ids.js';
import { createPartner, editPartner } from '../../src/app/partners.js';
import { createWorkspace } from '../../src/app/profile.js';
import { openReadWorker } from '../../src/store/read-worker.js';
import { describeEachDb, openTestDb, TestClock } from '../helpers/db.js';

// A query that keeps a core busy for a while (a few hundred milliseconds on SQLite).
const slowCount = sql<{ n: number }>`with recursive c(x) as (select 1 union all select x + 1 from c where x < 2000000)
  select count(*) as n from c`;

describeEachDb("the store's reader", (env) => {
  it('reads what the main connection committed, in camel case, and each later change', async () => {
    const { store, deps, ctx } = env();
    const p = await createPartner(deps, ctx, { name: 'Atlas', type: 'agency' });
    const read = () =>
      store.reader.selectFrom('partners').select(['name', 'createdAt']).where('id', '=', p.id).executeTakeFirst();
    expect(await read()).toEqual({ name: 'Atlas', createdAt: p.createdAt });
    await editPartner(deps, ctx, p.id, { name: 'Atlas Studio' });
    expect((await read())?.name).toBe('Atlas Studio');
  });

  it("reports a bad query with the database's own message", async () => {
    await expect(sql`select no_such_column from partners`.execute(env().store.reader)).rejects.toThrow(
      /no_such_column/,
    );
  });

  it('answers the main connection while it works on a long read', async () => {
    const { store } = env();
    const order: string[] = [];
    const long = slowCount.execute(store.reader).then((r) => {
      order.push('reader');
      return Number(r.rows[0]?.n);
    });
    await sql`select 1`.execute(store.db);
    order.push('main');
    expect(await long).toBe(2_000_000);
    // On SQLite the reader is another thread; on PostgreSQL another pooled connection.
    expect(order).toEqual(['main', 'reader']);
  });
});

describe('a SQLite file', () => {
  it('is made with 8 KB pages and written ahead to a log', async () => {
    const db = await openTestDb('sqlite');
    try {
      const r = await sql<{ page: number; mode: string }>`select
        (select page_size from pragma_page_size) as page, (select journal_mode from pragma_journal_mode) as mode`.execute(
        db.store.db.withoutPlugins(),
      );
      expect(r.rows[0]).toEqual({ page: 8192, mode: 'wal' });
    } finally {
      await db.cleanup();
    }
  });
});

describe("SQLite's reader", () => {
  // A query to a stopped thread would never be answered; one sent while the stopped thread
  // is still exiting must not be failed by that exit.
  it('stops its thread when idle and starts it again for the next query', async () => {
    const db = await openTestDb('sqlite');
    const reader = openReadWorker(db.store.file as string, 1);
    try {
      const count = async () =>
        Number((await sql<{ n: number }>`select count(*) as n from workspaces`.execute(reader)).rows[0]?.n);
      // Pauses around the idle time, so some queries land while the last thread is exiting.
      for (let i = 0; i < 20; i++) {
        expect(await count()).toBe(i);
        await createWorkspace({ store: db.store, clock: new TestClock().now, newId });
        await new Promise((resolve) => setTimeout(resolve, i % 4));
      }
    } finally {
      await reader.destroy();
      await db.cleanup();
    }
  });

  // PostgreSQL's reader is the pool itself, which writes; SQLite's is a read-only connection.
  it('refuses to write, saying so, and the database is untouched', async () => {
    const db = await openTestDb('sqlite');
    try {
      const { workspaceId } = await createWorkspace({ store: db.store, clock: new TestClock().now, newId });
      await expect(sql`delete from workspaces`.execute(db.store.reader)).rejects.toThrow(
        'the read connection runs queries that return rows only',
      );
      expect(await db.store.db.selectFrom('workspaces').select('id').execute()).toEqual([{ id: workspaceId }]);
    } finally {
      await db.cleanup();
    }
  });
});
