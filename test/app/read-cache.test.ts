import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createPartner, editPartner, listPartnerPage, movePartner } from '../../src/app/partners.js';
import { createWorkspace } from '../../src/app/profile.js';
import { ReadCache } from '../../src/app/read-cache.js';
import { loadTestConfig } from '../../src/config.js';
import { dataVersion } from '../../src/store/data-version.js';
import { openStore, type Store } from '../../src/store/db.js';
import { describeEachDb } from '../helpers/db.js';

/** A second connection to the same database, as a CLI import beside the server would open. */
async function secondConnection(store: Store): Promise<Store> {
  if (store.file) return openStore({ sqliteFile: store.file });
  const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(store.db)).rows[0]!.s;
  return openStore({ databaseUrl: loadTestConfig().testDatabaseUrl!, schema });
}

describeEachDb('read cache', (env) => {
  it('answers a repeated list from the cache while nothing is written', async () => {
    const { deps, ctx, dialect } = env();
    await createPartner(deps, ctx, { name: 'Brightline PR', type: 'agency' });
    const first = await listPartnerPage(deps, ctx, { sort: 'name' });
    const again = await listPartnerPage(deps, ctx, { sort: 'name' });
    expect(again).toEqual(first);
    // The same object comes back when it was remembered. On PostgreSQL other test files commit
    // to the same server all the time, and any commit there is a miss, so only SQLite can say.
    if (dialect === 'sqlite') expect(again).toBe(first);
    expect(typeof (await dataVersion(deps.store))).toBe('string');
  });

  it('keeps first pages only: an export walking the list does not fill the cache', async () => {
    const { deps, ctx } = env();
    for (const name of ['A', 'B', 'C']) await createPartner(deps, ctx, { name, type: 'agency' });
    const first = await listPartnerPage(deps, ctx, { sort: 'name', limit: 1 });
    const cursor = first.nextCursor!;
    const second = await listPartnerPage(deps, ctx, { sort: 'name', limit: 1, cursor });
    expect(second.items.map((p) => p.name)).toEqual(['B']);
    expect(await listPartnerPage(deps, ctx, { sort: 'name', limit: 1, cursor })).not.toBe(second);
  });

  it('forgets answers as soon as a write lands: create, edit, move', async () => {
    const { deps, ctx } = env();
    const a = await createPartner(deps, ctx, { name: 'Brightline PR', type: 'agency' });
    const names = async () => (await listPartnerPage(deps, ctx, { sort: 'name' })).items.map((p) => p.name);
    expect(await names()).toEqual(['Brightline PR']);
    await createPartner(deps, ctx, { name: 'Atlas Web', type: 'agency' });
    expect(await names()).toEqual(['Atlas Web', 'Brightline PR']);
    await editPartner(deps, ctx, a.id, { name: 'Cobalt PR' });
    expect(await names()).toEqual(['Atlas Web', 'Cobalt PR']);
    const contacted = async () => (await listPartnerPage(deps, ctx, { stage: 'contacted' })).total;
    expect(await contacted()).toBe(0);
    await movePartner(deps, ctx, a.id, { to: 'contacted' });
    expect(await contacted()).toBe(1);
  });

  it('sees a write committed by another connection to the same database', async () => {
    const { deps, ctx } = env();
    await createPartner(deps, ctx, { name: 'Brightline PR', type: 'agency' });
    const names = async () => (await listPartnerPage(deps, ctx, { sort: 'name' })).items.map((p) => p.name);
    expect(await names()).toEqual(['Brightline PR']);
    const other = await secondConnection(deps.store);
    try {
      await createPartner({ ...deps, store: other, readCache: new ReadCache() }, ctx, {
        name: 'Atlas Web',
        type: 'agency',
      });
    } finally {
      await other.close();
    }
    expect(await names()).toEqual(['Atlas Web', 'Brightline PR']);
  });

  it('keeps workspaces apart', async () => {
    const { deps, ctx } = env();
    await createPartner(deps, ctx, { name: 'Brightline PR', type: 'agency' });
    const otherWorkspace = await createWorkspace(deps);
    expect((await listPartnerPage(deps, ctx, {})).total).toBe(1);
    expect((await listPartnerPage(deps, otherWorkspace, {})).total).toBe(0);
  });
});

it('drops the least recently used answer when full', () => {
  const cache = new ReadCache(2);
  cache.set('a', 'v1', 1);
  cache.set('b', 'v1', 2);
  expect(cache.get('a', 'v1')).toBe(1);
  cache.set('c', 'v1', 3);
  expect(cache.get('b', 'v1')).toBeUndefined();
  expect(cache.get('a', 'v1')).toBe(1);
  expect(cache.get('c', 'v1')).toBe(3);
  expect(cache.get('a', 'v2')).toBeUndefined();
});
