import { expect, it } from 'vitest';
import { createHttpApp } from '../../src/http/app.js';
import { describeEachDb } from '../helpers/db.js';

describeEachDb('HTTP /api/v1/partners', (env) => {
  const app = () => createHttpApp({ deps: env().deps, ctx: env().ctx, logError: () => {} });
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app().request(path, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('creates, reads, edits, moves and archives a partner', async () => {
    const created = await send('POST', '/api/v1/partners', { name: 'Pixel & Pine', type: 'agency', subtype: 'web' });
    expect(created.status).toBe(201);
    const p = await created.json();
    expect(p).toMatchObject({ name: 'Pixel & Pine', stage: 'identified', tags: [] });

    const edited = await send('PATCH', `/api/v1/partners/${p.id}`, { contactName: 'Marcus', tags: ['web'] });
    expect(await edited.json()).toMatchObject({ contactName: 'Marcus', tags: ['web'] });

    const moved = await send('POST', `/api/v1/partners/${p.id}/stage`, { to: 'contacted' });
    expect((await moved.json()).stage).toBe('contacted');

    const archived = await send('POST', `/api/v1/partners/${p.id}/archive`);
    expect((await archived.json()).archivedAt).toBe('2026-11-24T10:00:00.000Z');

    const timeline = await (await send('GET', `/api/v1/partners/${p.id}/activities`)).json();
    expect(timeline.items.map((a: { kind: string }) => a.kind)).toEqual([
      'partner.archived',
      'stage.changed',
      'partner.updated',
      'partner.created',
    ]);
  });

  it('lists with filters and a cursor', async () => {
    for (const name of ['Crestview', 'Atlas', 'Brightline']) {
      await send('POST', '/api/v1/partners', { name, type: 'agency' });
    }
    const res = await send('GET', '/api/v1/partners?sort=name&limit=2');
    const page = await res.json();
    expect(page.items.map((p: { name: string }) => p.name)).toEqual(['Atlas', 'Brightline']);
    expect(page.total).toBe(3);
    const next = await (
      await send('GET', `/api/v1/partners?sort=name&limit=2&cursor=${encodeURIComponent(page.nextCursor)}`)
    ).json();
    expect(next.items.map((p: { name: string }) => p.name)).toEqual(['Crestview']);
    const filtered = await (await send('GET', '/api/v1/partners?stage=identified,contacted&type=brand')).json();
    expect(filtered.total).toBe(0);
  });

  it('answers a repeated list with the same JSON text, and the next answer after a write shows it', async () => {
    await send('POST', '/api/v1/partners', { name: 'Atlas', type: 'agency' });
    const first = await send('GET', '/api/v1/partners?sort=name');
    expect(first.headers.get('content-type')).toBe('application/json');
    const text = await first.text();
    expect(JSON.parse(text).items.map((p: { name: string }) => p.name)).toEqual(['Atlas']);
    expect(await (await send('GET', '/api/v1/partners?sort=name')).text()).toBe(text);
    await send('POST', '/api/v1/partners', { name: 'Brightline', type: 'agency' });
    const after = await (await send('GET', '/api/v1/partners?sort=name')).json();
    expect(after.items.map((p: { name: string }) => p.name)).toEqual(['Atlas', 'Brightline']);
  });

  it('answers bad input with 4xx naming the field, never 500', async () => {
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/v1/partners', '{"name": "x",', 400, 'bad_request'],
      ['POST', '/api/v1/partners', { name: 'x', type: 'agency', color: 'red' }, 400, 'color'],
      ['POST', '/api/v1/partners', { name: 42, type: 'agency' }, 400, 'name'],
      ['POST', '/api/v1/partners', { name: 'x'.repeat(121), type: 'agency' }, 400, 'name'],
      ['POST', '/api/v1/partners', { name: 'x', type: 'agency', subtype: 'coach' }, 400, 'subtype'],
      ['POST', '/api/v1/partners', { name: 'x', type: 'agency', nextActionDate: '2026-02-30' }, 400, 'nextActionDate'],
      ['GET', '/api/v1/partners?sort=colour', undefined, 400, 'sort'],
      ['GET', '/api/v1/partners?cursor=nonsense', undefined, 400, 'cursor'],
      ['GET', '/api/v1/partners/unknown-id', undefined, 404, 'not_found'],
      ['PATCH', '/api/v1/profile', { followUpMinDays: 8, followUpMaxDays: 6 }, 400, 'followUpMaxDays'],
      ['PATCH', '/api/v1/profile', { monthlyRevenueTarget: 50.5 }, 400, 'monthlyRevenueTarget'],
    ];
    for (const [method, path, body, status, mention] of cases) {
      const res = await send(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(status);
      const json = await res.json();
      expect(Object.keys(json)).toEqual(['error']);
      expect(JSON.stringify(json.error), `${method} ${path}`).toContain(mention);
    }
  });

  it('refuses a form-encoded body with a clear message', async () => {
    const res = await app().request('/api/v1/partners', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=x&type=agency',
    });
    expect(res.status).toBe(415);
    expect((await res.json()).error.details.issues[0].field).toBe('Content-Type');
  });

  it('refuses a duplicate with 409 and the existing id, and saves it with force=true', async () => {
    const first = await (
      await send('POST', '/api/v1/partners', { name: 'A', type: 'brand', website: 'a.example' })
    ).json();
    const dup = await send('POST', '/api/v1/partners', { name: 'B', type: 'brand', website: 'https://www.a.example/' });
    expect(dup.status).toBe(409);
    expect((await dup.json()).error).toMatchObject({
      code: 'duplicate',
      details: { existingId: first.id, field: 'website' },
    });
    const forced = await send('POST', '/api/v1/partners?force=true', {
      name: 'B',
      type: 'brand',
      website: 'a.example',
    });
    expect(forced.status).toBe(201);
  });

  it('refuses an illegal stage move with 409 and the allowed moves', async () => {
    const p = await (await send('POST', '/api/v1/partners', { name: 'A', type: 'brand' })).json();
    const res = await send('POST', `/api/v1/partners/${p.id}/stage`, { to: 'call_done' });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({ code: 'illegal_transition', details: { allowed: ['contacted'] } });
  });

  it('serves and updates the profile with the guide defaults', async () => {
    const profile = await (await send('GET', '/api/v1/profile')).json();
    expect(profile).toMatchObject({
      monthlyRevenueTarget: 500000,
      followUpMinDays: 5,
      followUpMaxDays: 7,
      reviewCadence: 'weekly',
    });
    const res = await send('PATCH', '/api/v1/profile', { name: 'Northwind Social', timeZone: 'Europe/London' });
    expect(await res.json()).toMatchObject({ name: 'Northwind Social', timeZone: 'Europe/London' });
  });

  it('publishes the OpenAPI document and a reference page', async () => {
    const doc = await (await send('GET', '/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/partners/{id}/stage');
    expect(doc.components.schemas.Partner).toBeDefined();
    const page = await send('GET', '/api/docs');
    expect(await page.text()).toContain('swagger-ui-bundle.js');
    const asset = await send('GET', '/api/docs/assets/swagger-ui-bundle.js');
    expect(asset.status).toBe(200);
  });

  it('loads the sample into an empty workspace once', async () => {
    const res = await send('POST', '/api/v1/demo');
    expect(res.status).toBe(201);
    const page = await (await send('GET', '/api/v1/partners?limit=100')).json();
    expect(page.total).toBe(12);
    const stages = new Set(page.items.map((p: { stage: string }) => p.stage));
    expect(stages.size).toBe(11);
    expect((await send('POST', '/api/v1/demo')).status).toBe(409);
  });
});
