import { expect, it } from 'vitest';
import { createHttpApp } from '../../src/http/app.js';
import { describeEachDb } from '../helpers/db.js';
import { apiCaller } from '../helpers/http.js';
import { parseIcs, readyToWrite } from '../helpers/outreach.js';

describeEachDb('outreach over HTTP', (env) => {
  const setup = () => {
    const { deps, ctx } = env();
    const call = apiCaller(deps, ctx);
    return { ...env(), call };
  };

  it('lists templates and refuses an unknown merge field with 400 naming it', async () => {
    const { call } = setup();
    const list = await call('GET', '/templates');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(3);
    const bad = await call('POST', '/templates', { name: 'X', kind: 'other', body: 'Hi {{partner.nickname}}' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0]).toMatchObject({
      field: 'body',
      message: expect.stringMatching(/partner.nickname/),
    });
    const extra = await call('POST', '/templates', { name: 'X', kind: 'other', body: 'ok', colour: 'red' });
    expect(extra.body.error.details.issues[0]).toEqual({ field: 'colour', message: 'is not a known field' });
    const fields = await call('GET', '/templates/fields');
    expect(fields.body.items.map((f: { field: string }) => f.field)).toContain('partner.company');
  });

  it('previews, sends, refuses a second follow-up with 409, and shows the agenda', async () => {
    const { call, deps, ctx, clock } = setup();
    const p = await readyToWrite(deps, ctx);
    const preview = await call('POST', `/partners/${p.id}/outreach/preview`, {});
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ kind: 'first_touch', ready: true, missing: [] });
    const sent = await call('POST', `/partners/${p.id}/outreach/send`, { channel: 'linkedin', on: '2026-11-18' });
    expect(sent.status).toBe(201);
    expect(sent.body.body).toBe(preview.body.body);
    const agenda = await call('GET', '/today?asOf=2026-11-23');
    expect(agenda.body.followUpsDue.map((f: { partner: { id: string } }) => f.partner.id)).toEqual([p.id]);
    expect((await call('GET', '/today?asOf=2026-11-31')).status).toBe(400);
    clock.advanceDays(1);
    expect((await call('POST', `/partners/${p.id}/outreach/send`, {})).status).toBe(201);
    const again = await call('POST', `/partners/${p.id}/outreach/send`, { template: 'Follow-up' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already sent/);
    const messages = await call('GET', `/partners/${p.id}/messages`);
    expect(messages.body.items.map((m: { kind: string }) => m.kind)).toEqual(['follow_up', 'first_touch']);
    expect((await call('GET', '/followups')).body.items[0]).toMatchObject({ state: 'awaiting_reply' });
  });

  it('answers GET /today?asOf as the records stood that day, before a later reply', async () => {
    const { call, deps, ctx } = setup();
    const p = await readyToWrite(deps, ctx);
    await call('POST', `/partners/${p.id}/outreach/send`, { channel: 'linkedin', on: '2026-11-17' });
    expect((await call('POST', `/partners/${p.id}/replies`, { answer: 'interested', on: '2026-11-24' })).status).toBe(
      201,
    );
    const then = await call('GET', '/today?asOf=2026-11-23');
    expect(then.body.followUpsDue).toEqual([
      expect.objectContaining({ partner: expect.objectContaining({ id: p.id, stage: 'contacted' }), state: 'due' }),
    ]);
    expect((await call('GET', '/today?asOf=2026-11-24')).body.followUpsDue).toEqual([]);
  });

  it('records a reply, books and completes a call, and serves .ics as text/calendar', async () => {
    const { call, deps, ctx } = setup();
    const p = await readyToWrite(deps, ctx);
    await call('POST', `/partners/${p.id}/outreach/send`, {});
    expect((await call('POST', `/partners/${p.id}/replies`, { answer: 'maybe' })).status).toBe(400);
    expect((await call('POST', `/partners/${p.id}/replies`, { answer: 'interested' })).status).toBe(201);
    const booked = await call('POST', `/partners/${p.id}/calls`, { at: '2026-11-26T16:00' });
    expect(booked.status).toBe(201);
    const ics = await call('GET', `/calls/${booked.body.id}/ics`);
    expect(ics.status).toBe(200);
    expect(ics.type).toMatch(/^text\/calendar/);
    expect(parseIcs(ics.body)[0]?.DTSTART).toBe('20261126T160000Z');
    const feed = await call('GET', '/calendar.ics');
    expect(feed.type).toMatch(/^text\/calendar/);
    expect(parseIcs(feed.body)).toHaveLength(1);
    const done = await call('POST', `/calls/${booked.body.id}/complete`, {
      fit: 'maybe',
      nextStep: 'Intro one client',
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', fit: 'maybe' });
    expect((await call('GET', `/calls/nope/ics`)).status).toBe(404);
  });

  it('documents the new routes in the OpenAPI document', async () => {
    const { deps, ctx } = env();
    const res = await createHttpApp({ deps, ctx }).request('/api/openapi.json');
    const doc = await res.json();
    for (const path of ['/templates', '/partners/{id}/outreach/send', '/calls/{id}/ics', '/calendar.ics', '/today']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
