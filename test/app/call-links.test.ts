import { expect, it } from 'vitest';
import { bookCall, callIcs, editCall, partnerCalls, removeCall, showCall } from '../../src/app/calls.js';
import { sendMessage } from '../../src/app/outreach.js';
import { createPartner, partnerTimeline } from '../../src/app/partners.js';
import { setProfile, showProfile } from '../../src/app/profile.js';
import { calendarFeed } from '../../src/app/today.js';
import { updateCall } from '../../src/store/calls.js';
import { describeEachDb } from '../helpers/db.js';
import { parseIcs, readyToWrite } from '../helpers/outreach.js';

const BAD_LINKS = [
  'tel:+15551234567',
  'mailto:dana@brightline.example',
  'skype:dana.w?call',
  'https://[::1]/x',
  'https://meet.example/a room',
  'javascript:alert(1)',
  'Bcc: victim@evil.example',
];
const REFUSAL = 'link: expected an http(s) address such as https://meet.example/abc';

describeEachDb('call links and the calendar feed', (env) => {
  async function bookedPartner() {
    const { deps, ctx } = env();
    const p = await readyToWrite(deps, ctx);
    await sendMessage(deps, ctx, p.id, {});
    const first = await bookCall(deps, ctx, p.id, { at: '2026-12-01T10:00', link: 'https://meet.example/abc' });
    return { p, first };
  }

  it('refuses every link that is not an http(s) address, naming the field, and never stores one', async () => {
    const { deps, ctx } = env();
    const { p, first } = await bookedPartner();
    for (const link of BAD_LINKS) {
      await expect(bookCall(deps, ctx, p.id, { at: '2026-12-02T10:00', link }), link).rejects.toMatchObject({
        code: 'validation_failed',
        message: REFUSAL,
      });
      await expect(editCall(deps, ctx, first.id, { link }), link).rejects.toMatchObject({ message: REFUSAL });
    }
    await expect(setProfile(deps, ctx, { calendarLink: 'Bcc: victim@evil.example' })).rejects.toMatchObject({
      message: 'calendarLink: expected an http(s) address such as https://cal.com/you/15min',
    });
    await expect(
      createPartner(deps, ctx, { name: 'X', type: 'brand', linkedinUrl: 'javascript:alert(1)' }),
    ).rejects.toMatchObject({
      message: 'linkedinUrl: expected an http(s) address such as https://www.linkedin.com/in/name',
    });
    expect((await partnerCalls(deps, ctx, p.id)).items.map((c) => c.meetingLink)).toEqual(['https://meet.example/abc']);
    expect((await showProfile(deps, ctx)).calendarLink).toBe('https://cal.example/sam/15min');
  });

  it('a call holding a bad link from before never breaks the feed, and can still be edited and removed', async () => {
    const { deps, ctx, store } = env();
    const { p, first } = await bookedPartner();
    const legacy = await bookCall(deps, ctx, p.id, { at: '2026-12-03T10:00' });
    // Written straight through the store, as rows from before links were checked are.
    await updateCall(store.db, ctx.workspaceId, legacy.id, { meetingLink: 'tel:+15551234567' });
    await store.db
      .updateTable('workspaces')
      .set({ calendarLink: 'Bcc: victim@evil.example' })
      .where('id', '=', ctx.workspaceId)
      .execute();

    const feed = await calendarFeed(deps, ctx);
    const events = parseIcs(feed);
    expect(events.map((e) => [e.UID, e.URL])).toEqual([
      [`call-${first.id}@partnerloop`, 'https://meet.example/abc'],
      [`call-${legacy.id}@partnerloop`, undefined],
    ]);
    expect(events[1]?.DESCRIPTION).toContain('Join: tel:+15551234567');
    expect(feed).toContain('X-PARTNERLOOP-SKIPPED:0');
    expect(feed.replace(/\r\n /g, '')).toContain(
      'X-PARTNERLOOP-WARNING:Fit call: Brightline PR × Northwind Social (2026-12-03 10:00 UTC): meeting link left out of URL and LOCATION\\, it is not an http(s) address',
    );
    expect(parseIcs((await callIcs(deps, ctx, legacy.id)).ics)[0]).not.toHaveProperty('URL');

    // Editing what is wrong elsewhere leaves the old link as it is; the link itself can be fixed.
    const moved = await editCall(deps, ctx, legacy.id, { at: '2026-12-04T11:30', minutes: 15, agenda: 'Rates' });
    expect(moved).toMatchObject({ startsAt: '2026-12-04T11:30:00.000Z', minutes: 15, meetingLink: 'tel:+15551234567' });
    const fixed = await editCall(deps, ctx, legacy.id, { link: 'https://meet.example/new' });
    expect((await showCall(deps, ctx, legacy.id)).meetingLink).toBe('https://meet.example/new');
    expect(fixed.agenda).toBe('Rates');
    expect(await calendarFeed(deps, ctx)).not.toContain('X-PARTNERLOOP');

    await updateCall(store.db, ctx.workspaceId, legacy.id, { meetingLink: 'Bcc: victim@evil.example' });
    expect((await removeCall(deps, ctx, legacy.id)).id).toBe(legacy.id);
    await expect(showCall(deps, ctx, legacy.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(parseIcs(await calendarFeed(deps, ctx)).map((e) => e.UID)).toEqual([`call-${first.id}@partnerloop`]);
    const kinds = (await partnerTimeline(deps, ctx, p.id)).items.map((a) => a.kind);
    expect(kinds.slice(0, 3)).toEqual(['call.removed', 'call.updated', 'call.updated']);

    // A new call falls back on the profile's calendar link, but not on a bad one from before.
    const fallback = await bookCall(deps, ctx, p.id, { at: '2026-12-05T10:00' });
    expect(fallback.meetingLink).toBeNull();
    await setProfile(deps, ctx, { calendarLink: '' });
    expect((await showProfile(deps, ctx)).calendarLink).toBeNull();
  });

  it('writes hostile partner names and agendas as text, line breaks and all', async () => {
    const { deps, ctx, store } = env();
    const { p } = await bookedPartner();
    await store.db.updateTable('partners').set({ name: 'Evil\rPR\r\nBEGIN:VEVENT' }).where('id', '=', p.id).execute();
    await bookCall(deps, ctx, p.id, { at: '2026-12-02T10:00', agenda: 'one\rtwo\r\nBEGIN:VEVENT\nSUMMARY:x' });
    const feed = await calendarFeed(deps, ctx);
    const lines = feed.split('\r\n');
    expect(feed.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('SUMMARY:x'))).toEqual([]);
    const agenda = parseIcs(feed).find((e) => e.DESCRIPTION?.includes('one'));
    expect(agenda?.SUMMARY).toBe('Fit call: Evil PR BEGIN:VEVENT × Northwind Social');
    expect(agenda?.DESCRIPTION).toContain('one\ntwo\nBEGIN:VEVENT\nSUMMARY:x');
  });
});
