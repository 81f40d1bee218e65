import { expect, it } from 'vitest';
import { recordReply, sendMessage } from '../../src/app/outreach.js';
import { archivePartner, createPartner, movePartner } from '../../src/app/partners.js';
import { listFollowUps, TODAY_LIST_LIMIT, today } from '../../src/app/today.js';
import { setBadFit } from '../../src/store/referrals.js';
import { describeEachDb } from '../helpers/db.js';
import { readyToWrite } from '../helpers/outreach.js';

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

describeEachDb('Today as of a past day', (env) => {
  // One November, lived day by day on the clock; then each past day is asked about from the
  // 28th. Follow-ups are due from day 5 and late from day 8; silence is proposed 14 days after
  // the follow-up.
  async function november() {
    const { deps, ctx, clock } = env();
    const on = (day: string) => clock.set(`${day}T09:00:00Z`);
    on('2026-11-01');
    const replied = await readyToWrite(deps, ctx);
    const add = (name: string, email: string) =>
      createPartner(deps, ctx, { name, type: 'agency', email, contactName: 'Alex Doe', audience: 'local shops' });
    const silent = await add('Quiet Studio', 'hi@quiet.example');
    const archived = await add('Gone Agency', 'hi@gone.example');
    const again = await add('Second Try', 'hi@again.example');
    on('2026-11-02');
    for (const p of [replied, silent, archived, again]) await sendMessage(deps, ctx, p.id, { channel: 'linkedin' });
    on('2026-11-04');
    await recordReply(deps, ctx, again.id, { answer: 'no' });
    on('2026-11-09');
    await sendMessage(deps, ctx, silent.id, { channel: 'linkedin' });
    on('2026-11-12');
    await recordReply(deps, ctx, replied.id, { answer: 'interested' });
    on('2026-11-13');
    await archivePartner(deps, ctx, archived.id);
    on('2026-11-15');
    await sendMessage(deps, ctx, again.id, { channel: 'linkedin' });
    on('2026-11-20');
    const late = await add('Late Comer', 'hi@late.example');
    await sendMessage(deps, ctx, late.id, { channel: 'linkedin' });
    on('2026-11-26');
    await movePartner(deps, ctx, silent.id, { to: 'no_response' });
    on('2026-11-28');
    return { deps, ctx, replied, silent, archived, again, late };
  }
  const names = (items: { partner: { name: string } }[]) => items.map((i) => i.partner.name);

  it('lists partners who were waiting then, at the stage they had then, though they moved on since', async () => {
    const { deps, ctx } = await november();
    const day6 = await today(deps, ctx, { asOf: '2026-11-08' });
    expect(names(day6.followUpsDue)).toEqual(['Brightline PR', 'Gone Agency', 'Quiet Studio']);
    expect(day6.followUpsDue.map((f) => f.partner.stage)).toEqual(['contacted', 'contacted', 'contacted']);
    expect(day6.followUpsDue[0]).toMatchObject({ state: 'due', dueOn: '2026-11-07', overdueOn: '2026-11-10' });

    const day8 = await today(deps, ctx, { asOf: '2026-11-10' });
    expect(names(day8.followUpsOverdue)).toEqual(['Brightline PR', 'Gone Agency']);
    const watched = await listFollowUps(deps, ctx, { asOf: '2026-11-10' });
    expect(watched.items.find((f) => f.partner.name === 'Quiet Studio')).toMatchObject({
      state: 'awaiting_reply',
      partner: { stage: 'followed_up' },
      followUpOn: '2026-11-09',
    });

    // The reply on the 12th counts from that day; the archive on the 13th from the next.
    expect(names((await today(deps, ctx, { asOf: '2026-11-12' })).followUpsOverdue)).toEqual(['Gone Agency']);
    expect(names((await today(deps, ctx, { asOf: '2026-11-13' })).followUpsOverdue)).toEqual([]);

    // Proposed silent on the 23rd, three days before the owner marked it so.
    const silence = await today(deps, ctx, { asOf: '2026-11-23' });
    expect(silence.proposedNoResponse).toEqual([
      expect.objectContaining({
        partner: expect.objectContaining({ stage: 'followed_up' }),
        noResponseOn: '2026-11-23',
      }),
    ]);
  });

  it('reads the outreach cycle that was running then, and nothing from after that day', async () => {
    const { deps, ctx } = await november();
    const first = await listFollowUps(deps, ctx, { asOf: '2026-11-03' });
    expect(first.items.find((f) => f.partner.name === 'Second Try')).toMatchObject({
      state: 'not_due',
      firstTouchOn: '2026-11-02',
      partner: { stage: 'contacted' },
    });
    // Declined on the 4th: not watched until the second approach on the 15th.
    expect(names((await listFollowUps(deps, ctx, { asOf: '2026-11-14' })).items)).toEqual(['Quiet Studio']);
    const second = await today(deps, ctx, { asOf: '2026-11-21' });
    expect(second.followUpsDue).toEqual([
      expect.objectContaining({ partner: expect.objectContaining({ name: 'Second Try' }), firstTouchOn: '2026-11-15' }),
    ]);
    // Not added until the 20th.
    expect(names((await listFollowUps(deps, ctx, { asOf: '2026-11-19' })).items)).not.toContain('Late Comer');
  });

  it('today itself reads the current stages, and agrees with the history', async () => {
    const { deps, ctx } = await november();
    const now = await today(deps, ctx);
    expect(now.asOf).toBe('2026-11-28');
    expect(names(now.followUpsOverdue)).toEqual(['Second Try', 'Late Comer']);
    expect(now.followUpsDue).toEqual([]);
    expect(now.proposedNoResponse).toEqual([]);
    // The day before, through the history, the same two are watched.
    expect(names((await listFollowUps(deps, ctx, { asOf: '2026-11-27' })).items)).toEqual(['Second Try', 'Late Comer']);
  });
});
