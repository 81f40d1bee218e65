import { expect, it } from 'vitest';
import { createPartner } from '../../src/app/partners.js';
import { describeEachDb } from '../helpers/db.js';
import { apiCaller } from '../helpers/http.js';
import { readyToWrite } from '../helpers/outreach.js';

describeEachDb('the sent log over HTTP', (env) => {
  it('lists messages across partners newest first, a keyset page at a time', async () => {
    const { deps, ctx, clock } = env();
    const call = apiCaller(deps, ctx);
    const first = await readyToWrite(deps, ctx);
    const second = await createPartner(deps, ctx, {
      name: 'Quill & Co',
      type: 'complementary',
      contactName: 'Ola Berg',
      audience: 'founders',
    });
    const third = await createPartner(deps, ctx, {
      name: 'Lumen Studio',
      type: 'agency',
      contactName: 'Ravi Shah',
      audience: 'retailers',
    });
    for (const p of [first, second, third]) {
      const sent = await call('POST', `/partners/${p.id}/outreach/send`, { channel: 'linkedin' });
      expect(sent.status).toBe(201);
      clock.advanceDays(1);
    }

    const page1 = await call('GET', '/messages?limit=2');
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((m: { partner: { name: string } }) => m.partner.name)).toEqual([
      'Lumen Studio',
      'Quill & Co',
    ]);
    expect(page1.body.items[0]).toMatchObject({ kind: 'first_touch', channel: 'linkedin', partnerId: third.id });
    expect(page1.body.items[0].body).toContain('Ravi');
    expect(page1.body.nextCursor).toEqual(expect.any(String));

    const page2 = await call('GET', `/messages?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((m: { partner: { name: string } }) => m.partner.name)).toEqual(['Brightline PR']);
    expect(page2.body.nextCursor).toBeNull();

    const bad = await call('GET', '/messages?cursor=nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].field).toBe('cursor');
  });
});
