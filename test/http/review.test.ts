import { expect, it } from 'vitest';
import { createHttpApp } from '../../src/http/app.js';
import { describeEachDb } from '../helpers/db.js';

describeEachDb('HTTP /api/v1/review', (env) => {
  const app = () => createHttpApp({ deps: env().deps, ctx: env().ctx, logError: () => {} });
  const get = (path: string) => app().request(path);

  it('gives the same figures as JSON and Markdown, and saves a review', async () => {
    const p = await (
      await app().request('/api/v1/partners', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Atlas', type: 'agency' }),
      })
    ).json();
    await app().request('/api/v1/referrals', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ direction: 'received', partnerId: p.id, leadName: 'Acme', date: '2026-11-20' }),
    });
    const res = await get('/api/v1/review?month=2026-11');
    expect(res.status).toBe(200);
    const review = await res.json();
    expect(review.period).toMatchObject({ label: '2026-11', from: '2026-11-01', to: '2026-11-30' });
    expect(review.sources.partners).toEqual([
      expect.objectContaining({ partnerName: 'Atlas', received: 1, pending: 1 }),
    ]);
    expect(review.trend).toHaveLength(6);

    const md = await get('/api/v1/review.md?month=2026-11');
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(await md.text()).toContain('| · Atlas | 1 | 0 | 0 | 1 |');

    const saved = await app().request('/api/v1/reviews', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ month: '2026-11', notes: 'Ask Atlas for two more intros' }),
    });
    expect(saved.status).toBe(201);
    const { id } = await saved.json();
    expect((await (await get('/api/v1/reviews')).json()).items[0]).toMatchObject({ id, periodLabel: '2026-11' });
    expect((await (await get(`/api/v1/reviews/${id}`)).json()).figures.period.label).toBe('2026-11');
    const checklist = await (await get('/api/v1/checklist')).json();
    expect(checklist.items.find((i: { key: string }) => i.key === 'reviewed').done).toBe(true);
  });

  it('names the field of a bad period', async () => {
    for (const [query, field] of [
      ['month=2026-13', 'month'],
      ['week=2026-W60', 'week'],
      ['from=2026-11-01', 'to'],
      ['months=99', 'months'],
    ]) {
      const res = await get(`/api/v1/review?${query}`);
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.details.issues[0].field, query).toBe(field);
    }
    expect((await get('/api/v1/reviews/nope')).status).toBe(404);
  });
});
