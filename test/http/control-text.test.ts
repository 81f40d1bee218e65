import { expect, it } from 'vitest';
import { createHttpApp } from '../../src/http/app.js';
import { describeEachDb } from '../helpers/db.js';

// NUL was stored on SQLite and answered 500 on PostgreSQL; now every dialect refuses it at the
// edge with a 400 that names the field, and nothing is written.
describeEachDb('HTTP control characters and unpaired surrogates', (env) => {
  const app = () => createHttpApp({ deps: env().deps, ctx: env().ctx, logError: () => {} });
  const send = (method: string, path: string, body?: unknown) =>
    app().request(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const refused = async (res: Response, field: string, message: RegExp) => {
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.issues).toContainEqual({ field, message: expect.stringMatching(message) });
    expect(error.message).toContain(`${field}: `);
  };
  const partner = async () =>
    (await (await send('POST', '/api/v1/partners', { name: 'Brightline PR', type: 'agency' })).json()) as {
      id: string;
    };

  it('refuses NUL and other controls in a partner, keeps line breaks in notes only', async () => {
    await refused(
      await send('POST', '/api/v1/partners', { name: 'Bright\u0000line', type: 'agency' }),
      'name',
      /control characters/,
    );
    await refused(
      await send('POST', '/api/v1/partners', { name: 'Brightline', type: 'agency', notes: 'a\u0000b' }),
      'notes',
      /control characters/,
    );
    await refused(
      await send('POST', '/api/v1/partners', { name: 'Bright\nline', type: 'agency' }),
      'name',
      /line breaks are not allowed/,
    );
    await refused(
      await send('POST', '/api/v1/partners', { name: 'Brightline', type: 'agency', tags: ['ok', 'b\u0007d'] }),
      'tags.1',
      /control characters/,
    );
    expect((await (await send('GET', '/api/v1/partners')).json()).total).toBe(0);
    const ok = await send('POST', '/api/v1/partners', {
      name: 'Brightline PR\n',
      type: 'agency',
      notes: 'line one\r\nline two\ttabbed\rthree',
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ name: 'Brightline PR', notes: 'line one\r\nline two\ttabbed\rthree' });
  });

  it('refuses an unpaired surrogate sent as a JSON escape instead of storing U+FFFD', async () => {
    await refused(
      await send('POST', '/api/v1/partners', '{"name":"Bright\\ud800line","type":"agency"}'),
      'name',
      /unpaired UTF-16 surrogate/,
    );
    const ok = await send('POST', '/api/v1/partners', '{"name":"Bright \\ud83d\\ude00","type":"agency"}');
    expect((await ok.json()).name).toBe('Bright 😀');
  });

  it('refuses NUL in query strings and path ids', async () => {
    await refused(await send('GET', '/api/v1/partners?q=a%00b'), 'q', /control characters/);
    await refused(await send('GET', '/api/v1/partners?tag=%00'), 'tag', /control characters/);
    await refused(await send('GET', '/api/v1/partners/ab%00cd'), 'id', /control characters/);
    await refused(await send('GET', '/api/v1/referrals?partnerId=%01'), 'partnerId', /control characters/);
    await refused(await send('GET', '/api/v1/calls/x%00'), 'id', /control characters/);
    await refused(await send('GET', '/api/v1/templates/x%00'), 'id', /control characters/);
  });

  it('refuses NUL in the other writes: profile, templates, outreach, calls, referrals, agreements, reviews', async () => {
    const p = await partner();
    await refused(await send('PATCH', '/api/v1/profile', { name: 'North\u0000wind' }), 'name', /control/);
    await refused(await send('PATCH', '/api/v1/profile', { positioning: 'x\u0000' }), 'positioning', /control/);
    await refused(
      await send('POST', '/api/v1/templates', { name: 'T', kind: 'first_touch', body: 'Hi\u0000' }),
      'body',
      /control/,
    );
    await refused(
      await send('POST', '/api/v1/templates', { name: 'T', kind: 'first_touch', subject: 'a\r\nBcc: x', body: 'Hi' }),
      'subject',
      /line breaks/,
    );
    await refused(await send('POST', '/api/v1/templates/convert', { text: 'a\u0000' }), 'text', /control/);
    await refused(
      await send('POST', `/api/v1/partners/${p.id}/outreach/preview`, { subject: 'Hi\u0000' }),
      'subject',
      /control/,
    );
    await refused(
      await send('POST', `/api/v1/partners/${p.id}/stage`, { to: 'contacted', note: '\u0000' }),
      'note',
      /control/,
    );
    await refused(
      await send('POST', `/api/v1/partners/${p.id}/calls`, { at: '2026-12-01T10:00', agenda: 'a\u0000' }),
      'agenda',
      /control/,
    );
    await refused(
      await send('POST', '/api/v1/referrals', { direction: 'received', partnerId: p.id, leadName: 'Acme\u0000' }),
      'leadName',
      /control/,
    );
    await refused(await send('POST', `/api/v1/partners/${p.id}/agreements`, { notes: 'x\u0000y' }), 'notes', /control/);
    await refused(await send('POST', '/api/v1/reviews', { month: '2026-11', notes: '\u0000' }), 'notes', /control/);
    await refused(await send('GET', '/api/v1/review?month=2026-1%00'), 'month', /control/);
    // Nothing of it was written.
    expect((await (await send('GET', '/api/v1/referrals')).json()).items).toEqual([]);
    expect((await (await send('GET', `/api/v1/partners/${p.id}/agreements`)).json()).items).toEqual([]);
    expect((await (await send('GET', '/api/v1/profile')).json()).name).not.toContain('\u0000');
  });
});
