import { expect, it } from 'vitest';
import { bookCall, callIcs, completeCall, partnerCalls } from '../../src/app/calls.js';
import { recordReply, sendMessage } from '../../src/app/outreach.js';
import { partnerTimeline, showPartner } from '../../src/app/partners.js';
import { calendarFeed, today } from '../../src/app/today.js';
import { describeEachDb } from '../helpers/db.js';
import { parseIcs, readyToWrite } from '../helpers/outreach.js';

describeEachDb('calls', (env) => {
  it('books a call in the workspace time zone with the calendar link, and shows it on Today', async () => {
    const { deps, ctx } = env();
    const p = await readyToWrite(deps, ctx, { timeZone: 'Europe/Berlin' });
    await sendMessage(deps, ctx, p.id, {});
    await recordReply(deps, ctx, p.id, { answer: 'interested' });
    const call = await bookCall(deps, ctx, p.id, { at: '2026-12-01T15:00' });
    expect(call).toMatchObject({
      startsAt: '2026-12-01T14:00:00.000Z',
      minutes: 20,
      meetingLink: 'https://cal.example/sam/15min',
      status: 'booked',
    });
    expect((await showPartner(deps, ctx, p.id)).stage).toBe('call_booked');
    const onDay = await today(deps, ctx, { asOf: '2026-12-01' });
    expect(onDay.callsToday.map((c) => [c.id, c.localStart])).toEqual([[call.id, '2026-12-01T15:00']]);
    expect((await today(deps, ctx, { asOf: '2026-11-26' })).callsThisWeek.map((c) => c.id)).toEqual([call.id]);
    expect((await today(deps, ctx, { asOf: '2026-11-24' })).callsThisWeek).toEqual([]);
    // A second (rescheduled) call keeps the stage.
    const again = await bookCall(deps, ctx, p.id, {
      at: '2026-12-02 09:30',
      minutes: 15,
      link: 'https://meet.example/x',
    });
    expect(again.meetingLink).toBe('https://meet.example/x');
    expect((await partnerCalls(deps, ctx, p.id)).items.map((c) => c.id)).toEqual([call.id, again.id]);
  });

  it('refuses a call for a partner never approached, and bad times', async () => {
    const { deps, ctx } = env();
    const p = await readyToWrite(deps, ctx);
    await expect(bookCall(deps, ctx, p.id, { at: '2026-12-01T15:00' })).rejects.toMatchObject({
      code: 'illegal_transition',
    });
    await expect(bookCall(deps, ctx, p.id, { at: '2026-02-30T15:00' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    expect((await partnerCalls(deps, ctx, p.id)).items).toEqual([]);
  });

  it('completes a call with the notes the guide asks for, once', async () => {
    const { deps, ctx } = env();
    const p = await readyToWrite(deps, ctx);
    await sendMessage(deps, ctx, p.id, {});
    const call = await bookCall(deps, ctx, p.id, { at: '2026-11-25T10:00' });
    const done = await completeCall(deps, ctx, call.id, {
      fit: 'yes',
      notes: 'Warm; they lose social retainers to us today',
      theirIdealClient: 'beauty brands before a launch',
      theirServices: 'press and launches',
      nextStep: 'Send the one-pager',
    });
    expect(done).toMatchObject({ status: 'done', fit: 'yes', theirServices: 'press and launches' });
    expect((await showPartner(deps, ctx, p.id)).stage).toBe('call_done');
    expect((await partnerTimeline(deps, ctx, p.id)).items[0]?.summary).toBe(
      'Call done, fit: yes; next: Send the one-pager',
    );
    await expect(completeCall(deps, ctx, call.id, { fit: 'no' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(completeCall(deps, ctx, call.id, { fit: 'perhaps' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('writes a call as .ics and one feed with calls and follow-up due dates', async () => {
    const { deps, ctx } = env();
    const p = await readyToWrite(deps, ctx, { timeZone: 'America/New_York' });
    await sendMessage(deps, ctx, p.id, {});
    const call = await bookCall(deps, ctx, p.id, { at: '2026-12-01T09:00', minutes: 15 });
    const { filename, ics } = await callIcs(deps, ctx, call.id);
    expect(filename).toBe('call-brightline-pr-2026-12-01.ics');
    const [event] = parseIcs(ics);
    expect(event).toMatchObject({
      UID: `call-${call.id}@partnerloop`,
      DTSTART: '20261201T140000Z',
      SUMMARY: 'Fit call: Brightline PR × Northwind Social',
      URL: 'https://cal.example/sam/15min',
    });
    expect(event?.DURATION ?? event?.DTEND).toMatch(/PT15M|20261201T141500Z/);

    // Once a call is booked the follow-up rule is over, so the feed holds the call alone.
    const feed = parseIcs(await calendarFeed(deps, ctx));
    expect(feed.map((e) => e.SUMMARY).sort()).toEqual(['Fit call: Brightline PR × Northwind Social']);
  });

  it('puts the pending follow-up on the feed as an all-day event on its due day', async () => {
    const { deps, ctx } = env();
    const p = await readyToWrite(deps, ctx);
    await sendMessage(deps, ctx, p.id, { on: '2026-11-20' });
    const feed = parseIcs(await calendarFeed(deps, ctx));
    expect(feed).toHaveLength(1);
    expect(feed[0]).toMatchObject({ SUMMARY: 'Follow up with Brightline PR', DTSTART: '20261125' });
  });
});
