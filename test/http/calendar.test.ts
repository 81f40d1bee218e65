import { expect, it } from 'vitest';
import { updateCall } from '../../src/store/calls.js';
import { describeEachDb } from '../helpers/db.js';
import { apiCaller } from '../helpers/http.js';
import { parseIcs, readyToWrite } from '../helpers/outreach.js';

// One call with a `tel:` link once made GET /calendar.ics answer 409 for good, with the ics
// library's URL pattern in the message, and the call could be neither edited nor removed.
describeEachDb('calendar links over HTTP', (env) => {
  const setup = () => {
    const { deps, ctx } = env();
    const call = apiCaller(deps, ctx);
    return { ...env(), call };
  };

  it('refuses a call link or calendar link that is not http(s) with 400 naming the field', async () => {
    const { call, deps, ctx } = setup();
    const p = await readyToWrite(deps, ctx);
    await call('POST', `/partners/${p.id}/outreach/send`, {});
    for (const link of [
      'tel:+15551234567',
      'mailto:a@b.example',
      'skype:x',
      'https://[::1]/x',
      'https://a.example/b c',
    ]) {
      const res = await call('POST', `/partners/${p.id}/calls`, { at: '2026-12-01T10:00', link });
      expect(res.status, link).toBe(400);
      expect(res.body.error.details.issues).toEqual([
        { field: 'link', message: 'expected an http(s) address such as https://meet.example/abc' },
      ]);
    }
    const profile = await call('PATCH', '/profile', { calendarLink: 'Bcc: victim@evil.example' });
    expect(profile.status).toBe(400);
    expect(profile.body.error.message).toBe(
      'calendarLink: expected an http(s) address such as https://cal.com/you/15min',
    );
  });

  it('serves the feed around a legacy bad link, and edits and removes that call', async () => {
    const { call, deps, ctx, store } = setup();
    const p = await readyToWrite(deps, ctx);
    await call('POST', `/partners/${p.id}/outreach/send`, {});
    const good = (await call('POST', `/partners/${p.id}/calls`, { at: '2026-12-01T10:00' })).body;
    const bad = (await call('POST', `/partners/${p.id}/calls`, { at: '2026-12-02T10:00' })).body;
    await updateCall(store.db, ctx.workspaceId, bad.id, { meetingLink: 'https://[::1]/x' });

    const feed = await call('GET', '/calendar.ics');
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar/);
    expect(parseIcs(feed.body).map((e) => e.UID)).toEqual([
      `call-${good.id}@partnerloop`,
      `call-${bad.id}@partnerloop`,
    ]);
    expect(feed.body).toMatch(/X-PARTNERLOOP-WARNING:Fit call/);
    expect(feed.body).not.toMatch(/must match|\^\(\?:/);
    expect((await call('GET', `/calls/${bad.id}/ics`)).status).toBe(200);

    const edited = await call('PATCH', `/calls/${bad.id}`, { agenda: 'Rates and handoff', minutes: 30 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ agenda: 'Rates and handoff', minutes: 30 });
    expect((await call('PATCH', `/calls/${bad.id}`, { link: 'tel:+1' })).status).toBe(400);
    expect((await call('PATCH', `/calls/${bad.id}`, { link: null })).body.meetingLink).toBeNull();
    expect((await call('PATCH', `/calls/${bad.id}`, { colour: 'red' })).status).toBe(400);

    const removed = await call('DELETE', `/calls/${bad.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.id).toBe(bad.id);
    expect((await call('GET', `/calls/${bad.id}`)).status).toBe(404);
    expect((await call('DELETE', `/calls/${bad.id}`)).status).toBe(404);
    expect(parseIcs((await call('GET', '/calendar.ics')).body).map((e) => e.UID)).toEqual([
      `call-${good.id}@partnerloop`,
    ]);
  });
});
