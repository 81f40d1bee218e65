import { expect, it } from 'vitest';
import { describeEachDb } from '../helpers/db.js';
import { apiCaller } from '../helpers/http.js';
import { partnerAfterCall } from '../helpers/partners.js';

describeEachDb('HTTP list of every agreement', (env) => {
  it('lists the workspace agreements with partner names, newest first, filtered by status', async () => {
    const { deps, ctx, clock } = env();
    const call = apiCaller(deps, ctx);
    const a = await partnerAfterCall(deps, ctx, 'Brightline PR');
    const b = await partnerAfterCall(deps, ctx, 'Northwind Studio');
    const first = await call('POST', `/partners/${a.id}/agreements`, { handoffMethod: 'intro_email' });
    clock.advanceDays(1);
    const second = await call('POST', `/partners/${b.id}/agreements`, {});
    await call('POST', `/agreements/${first.json.id}/activate`, {});

    const all = await call('GET', '/agreements');
    expect(all.status).toBe(200);
    expect(all.json.items.map((x: { id: string; partnerName: string }) => [x.id, x.partnerName])).toEqual([
      [second.json.id, 'Northwind Studio'],
      [first.json.id, 'Brightline PR'],
    ]);
    const active = await call('GET', '/agreements?status=active');
    expect(active.json.items.map((x: { id: string }) => x.id)).toEqual([first.json.id]);
    const bad = await call('GET', '/agreements?status=signed');
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.issues[0].field).toBe('status');
  });
});
