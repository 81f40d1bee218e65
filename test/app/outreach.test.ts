import { expect, it } from 'vitest';
import { partnerMessages, previewMessage, recordReply, sendMessage } from '../../src/app/outreach.js';
import { partnerTimeline, showPartner } from '../../src/app/partners.js';
import { setProfile } from '../../src/app/profile.js';
import { listFollowUps, today } from '../../src/app/today.js';
import { describeEachDb } from '../helpers/db.js';
import { readyToWrite } from '../helpers/outreach.js';

describeEachDb('outreach', (env) => {
  it('previews with every empty field listed and refuses to send with a blank, writing nothing', async () => {
    const { deps, ctx } = env();
    const p = await readyToWrite(deps, ctx, { calendarLink: null, senderName: null });
    const preview = await previewMessage(deps, ctx, p.id, {});
    expect(preview.kind).toBe('first_touch');
    expect(preview.body).toContain('Hi Dana,');
    expect(preview.body).toContain('{{agency.calendar_link}}');
    expect(preview.missing.map((m) => m.field)).toEqual(['agency.calendar_link', 'sender.name']);
    expect(preview.ready).toBe(false);
    const err = await sendMessage(deps, ctx, p.id, {}).catch((e) => e);
    expect(err.code).toBe('validation_failed');
    expect(err.details.issues.map((i: { field: string }) => i.field)).toEqual(['agency.calendar_link', 'sender.name']);
    expect((await partnerMessages(deps, ctx, p.id)).items).toEqual([]);
    expect((await showPartner(deps, ctx, p.id)).stage).toBe('identified');
  });

  it('marks a copied first touch sent, with its exact text on the timeline, and moves to contacted', async () => {
    const { deps, ctx } = env();
    const p = await readyToWrite(deps, ctx);
    const preview = await previewMessage(deps, ctx, p.id, {});
    const m = await sendMessage(deps, ctx, p.id, { channel: 'linkedin' });
    expect(m).toMatchObject({ kind: 'first_touch', channel: 'linkedin', delivery: 'copied', sentOn: '2026-11-24' });
    expect(m.body).toBe(preview.body);
    expect((await showPartner(deps, ctx, p.id)).stage).toBe('contacted');
    const sent = (await partnerTimeline(deps, ctx, p.id)).items.find((a) => a.kind === 'message.sent');
    expect(sent?.data.body).toBe(preview.body);
    expect(sent?.data.subject).toBe('Could we send each other clients, Dana?');
    // The first touch cannot go twice.
    await expect(sendMessage(deps, ctx, p.id, { template: 'First touch' })).rejects.toMatchObject({
      code: 'illegal_transition',
    });
  });

  it('shows the follow-up from day 5, late after day 7; allows exactly one; proposes no_response later', async () => {
    const { deps, ctx, clock } = env();
    const p = await readyToWrite(deps, ctx);
    await sendMessage(deps, ctx, p.id, {});
    clock.advanceDays(4);
    expect((await today(deps, ctx)).followUpsDue).toEqual([]);
    expect((await listFollowUps(deps, ctx)).items[0]).toMatchObject({ state: 'not_due', dueOn: '2026-11-29' });
    clock.advanceDays(1);
    expect((await today(deps, ctx)).followUpsDue.map((f) => f.partner.id)).toEqual([p.id]);
    clock.advanceDays(3);
    const late = await today(deps, ctx);
    expect(late.followUpsDue).toEqual([]);
    expect(late.followUpsOverdue[0]).toMatchObject({ state: 'overdue', overdueOn: '2026-12-02' });

    const preview = await previewMessage(deps, ctx, p.id, {});
    expect(preview.kind).toBe('follow_up');
    const f = await sendMessage(deps, ctx, p.id, {});
    expect(f.kind).toBe('follow_up');
    expect((await showPartner(deps, ctx, p.id)).stage).toBe('followed_up');
    const second = await sendMessage(deps, ctx, p.id, { template: 'Follow-up' }).catch((e) => e);
    expect(second.code).toBe('conflict');
    expect(second.message).toMatch(/already sent on 2026-12-02/);
    expect((await partnerMessages(deps, ctx, p.id)).items).toHaveLength(2);
    // A plain send (no template) after the follow-up is refused by the same rule, not by the stage.
    const plain = await sendMessage(deps, ctx, p.id, {}).catch((e) => e);
    expect(plain.code).toBe('illegal_transition');
    expect(plain.message).toBe(
      'No message to Brightline PR: the one follow-up was already sent on 2026-12-02; there is never a second. Record their reply, or move them to no_response to approach them again later',
    );
    expect((await partnerMessages(deps, ctx, p.id)).items).toHaveLength(2);

    expect((await today(deps, ctx, { asOf: '2026-12-15' })).proposedNoResponse).toEqual([]);
    const silent = await today(deps, ctx, { asOf: '2026-12-16' });
    expect(silent.proposedNoResponse[0]).toMatchObject({ partner: { id: p.id }, noResponseOn: '2026-12-16' });
  });

  it('counts from the real date of a message logged after the fact, and as of any day', async () => {
    const { deps, ctx } = env();
    const p = await readyToWrite(deps, ctx);
    const m = await sendMessage(deps, ctx, p.id, { channel: 'manual', on: '2026-11-18' });
    expect(m.sentOn).toBe('2026-11-18');
    expect(m.sentAt).toBe('2026-11-18T12:00:00.000Z');
    expect((await today(deps, ctx)).followUpsDue.map((f) => f.dueOn)).toEqual(['2026-11-23']);
    expect((await today(deps, ctx, { asOf: '2026-11-22' })).followUpsDue).toEqual([]);
    await expect(sendMessage(deps, ctx, p.id, { on: '2026-11-25' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it("uses the workspace's day: a message at 23:30 in New York counts from that evening's date", async () => {
    const { deps, ctx, clock } = env();
    const p = await readyToWrite(deps, ctx, { timeZone: 'America/New_York' });
    clock.set('2026-11-03T04:30:00Z'); // 23:30 on 2 November in New York
    const m = await sendMessage(deps, ctx, p.id, {});
    expect(m.sentOn).toBe('2026-11-02');
    clock.set('2026-11-08T04:59:00Z'); // 23:59 on 7 November: day 5
    expect((await today(deps, ctx)).asOf).toBe('2026-11-07');
    expect((await today(deps, ctx)).followUpsDue).toHaveLength(1);
    clock.set('2026-11-07T04:59:00Z'); // 23:59 on 6 November: day 4
    expect((await today(deps, ctx)).followUpsDue).toEqual([]);
  });

  it('a reply on the due day stops the rule; not now sets a check-back; no declines', async () => {
    const { deps, ctx, clock } = env();
    const p = await readyToWrite(deps, ctx);
    await sendMessage(deps, ctx, p.id, {});
    clock.advanceDays(5);
    const r = await recordReply(deps, ctx, p.id, { answer: 'interested' });
    expect(r.repliedOn).toBe('2026-11-29');
    expect((await showPartner(deps, ctx, p.id)).stage).toBe('replied');
    expect((await today(deps, ctx)).followUpsDue).toEqual([]);
    const refused = await sendMessage(deps, ctx, p.id, { template: 'Follow-up' }).catch((e) => e);
    expect(refused.message).toMatch(/replied on 2026-11-29/);
  });

  it('records not now and no, after the fact', async () => {
    const { deps, ctx } = env();
    const p = await readyToWrite(deps, ctx);
    await sendMessage(deps, ctx, p.id, { on: '2026-11-10' });
    await expect(recordReply(deps, ctx, p.id, { answer: 'no', on: '2026-11-09' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await recordReply(deps, ctx, p.id, { answer: 'not_now', on: '2026-11-12', note: 'busy until Q1' });
    const after = await showPartner(deps, ctx, p.id);
    expect(after).toMatchObject({ stage: 'replied', nextActionDate: '2027-02-10' });
    expect((await today(deps, ctx, { asOf: '2027-02-10' })).nextActions.map((a) => a.id)).toEqual([p.id]);
    await recordReply(deps, ctx, p.id, { answer: 'no' });
    expect((await showPartner(deps, ctx, p.id)).stage).toBe('declined');
  });

  it('sends an edited text and refuses an edited text with an unknown field', async () => {
    const { deps, ctx } = env();
    const p = await readyToWrite(deps, ctx);
    await setProfile(deps, ctx, { timeZone: 'Europe/Berlin' });
    const bad = await previewMessage(deps, ctx, p.id, { body: 'Hi {{partner.nick}}' }).catch((e) => e);
    expect(bad.details.issues[0]).toMatchObject({
      field: 'body',
      message: expect.stringMatching(/partner\.nick.*column 4/),
    });
    const m = await sendMessage(deps, ctx, p.id, { body: 'Hi {{partner.first_name}}, quick one.' });
    expect(m.body).toBe('Hi Dana, quick one.');
  });
});

describeEachDb('outreach under concurrency', (env) => {
  it('lets only one of two simultaneous follow-ups through', async () => {
    const { deps, ctx, clock } = env();
    const p = await readyToWrite(deps, ctx);
    await sendMessage(deps, ctx, p.id, {});
    clock.advanceDays(5);
    const results = await Promise.allSettled([
      sendMessage(deps, ctx, p.id, { template: 'Follow-up' }),
      sendMessage(deps, ctx, p.id, { template: 'Follow-up' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code).toBe('conflict');
    expect((await partnerMessages(deps, ctx, p.id)).items.filter((m) => m.kind === 'follow_up')).toHaveLength(1);
  });

  it('sends a bad-fit clarification without moving the stage', async () => {
    const { deps, ctx } = env();
    const p = await readyToWrite(deps, ctx);
    await sendMessage(deps, ctx, p.id, {});
    const m = await sendMessage(deps, ctx, p.id, { template: 'Bad-fit clarification' });
    expect(m.kind).toBe('bad_fit_clarification');
    expect(m.body).toContain('here is who we serve best: skincare brands selling online.');
    expect(m.body).toContain('someone who needs TikTok and Reels production');
    expect((await showPartner(deps, ctx, p.id)).stage).toBe('contacted');
  });
});
