import { expect, it } from 'vitest';
import { createPartner } from '../../src/app/partners.js';
import { TODAY_LIST_LIMIT, today } from '../../src/app/today.js';
import { setBadFit } from '../../src/store/referrals.js';
import { describeEachDb } from '../helpers/db.js';

describeEachDb('Today on a busy workspace', (env) => {
  it('shows the oldest next actions and the first flagged partners up to its limit, with how many in all', async () => {
    const { deps, ctx } = env();
    const partners = [];
    for (let i = 0; i < TODAY_LIST_LIMIT + 2; i++) {
      const day = String(1 + (i % 20)).padStart(2, '0');
      partners.push(
        await createPartner(deps, ctx, {
          name: `Partner ${String(i).padStart(2, '0')}`,
          type: 'agency',
          nextAction: 'Send the one-pager',
          nextActionDate: `2026-11-${day}`,
        }),
      );
    }
    await createPartner(deps, ctx, { name: 'Not yet', type: 'agency', nextActionDate: '2026-12-20' });
    for (const p of partners.slice(0, TODAY_LIST_LIMIT + 1))
      await setBadFit(deps.store.db, ctx.workspaceId, p.id, true);

    const t = await today(deps, ctx, { asOf: '2026-11-24' });
    expect(t.nextActions).toHaveLength(TODAY_LIST_LIMIT);
    expect(t.nextActionsTotal).toBe(TODAY_LIST_LIMIT + 2);
    const dates = t.nextActions.map((a) => a.nextActionDate);
    expect(dates).toEqual([...dates].sort());
    expect(t.nextActions.slice(0, 3).map((a) => a.name)).toEqual(['Partner 00', 'Partner 20', 'Partner 40']);
    expect(t.flags).toHaveLength(TODAY_LIST_LIMIT);
    expect(t.flagsTotal).toBe(TODAY_LIST_LIMIT + 1);
    expect(t.flags[0]?.partnerName).toBe('Partner 00');

    const early = await today(deps, ctx, { asOf: '2026-11-01' });
    expect(early.nextActions.map((a) => a.name)).toEqual(['Partner 00', 'Partner 20', 'Partner 40']);
    expect(early.nextActionsTotal).toBe(3);
  });
});
