// The review page in a real browser over a real server: the figures at a glance match the API,
// the charts draw, the period switches, a review is saved and listed, and Markdown downloads.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PINNED_NOW } from '../test/helpers/clock.js';
import { hasChromium, startWebApp, type WebApp } from './helpers.js';

// The server and page start at the suite's pinned instant, 2026-11-24, and the workspace's
// time zone is UTC by default, so "this month" is November.
const thisMonth = PINNED_NOW.slice(0, 7);
const lastMonth = '2026-10';

describe.skipIf(!hasChromium)('the review page in the browser', () => {
  let app: WebApp;
  let page: Page;

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${app.url}/api/v1${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.ok, `${method} ${path}: ${res.status}`).toBe(true);
    return res.json();
  };

  const winReferral = async (
    partnerId: string | undefined,
    source: string,
    leadName: string,
    date: string,
    value: number,
  ) => {
    const ref = await call('POST', '/referrals', {
      direction: 'received',
      ...(partnerId ? { partnerId } : { source }),
      leadName,
      date,
    });
    await call('POST', `/referrals/${ref.id}/won`, { monthlyValue: value, startDate: date });
  };

  beforeAll(async () => {
    app = await startWebApp();
    page = await app.newPage();
    await call('PATCH', '/profile', { monthlyRevenueTarget: 500_000 });
    const atlas = await call('POST', '/partners', { name: 'Atlas Web Works', type: 'agency' });
    for (const to of ['contacted', 'replied', 'call_booked', 'call_done']) {
      await call('POST', `/partners/${atlas.id}/stage`, { to });
    }
    const agreement = await call('POST', `/partners/${atlas.id}/agreements`, {
      feeToThem: { kind: 'percent', percent: 10, months: 3 },
      handoffMethod: 'intro_email',
    });
    await call('POST', `/agreements/${agreement.id}/activate`, { on: `${lastMonth}-01` });
    // This month: $2,000 from Atlas and $500 inbound; last month: $1,000 from Atlas.
    await winReferral(atlas.id, 'partner', 'Acme Bakery', `${thisMonth}-01`, 200_000);
    await winReferral(undefined, 'inbound', 'Harbor Dental', `${thisMonth}-01`, 50_000);
    await winReferral(atlas.id, 'partner', 'Blue Fern', `${lastMonth}-10`, 100_000);
  });
  afterAll(async () => {
    await app?.close();
  });

  const glance = (id: string) => page.getByTestId(`glance-${id}`);

  it('shows this month at a glance with the same numbers as the API, and draws the charts', async () => {
    const api = await call('GET', `/review?month=${thisMonth}`);
    expect(api.goal.newMonthlyRevenue).toBe(250_000);
    expect(api.sources.partnershipShare).toBe(0.8);

    await page.goto('/review');
    await expect.poll(() => glance('new-revenue').textContent()).toBe('$2,500');
    expect(await glance('partnership-share').textContent()).toBe('80%');
    expect(await glance('recurring').textContent()).toBe(
      `$${(api.goal.recurringPartnerRevenue / 100).toLocaleString('en')}`,
    );
    expect(await glance('progress').textContent()).toBe(`${Math.round(api.goal.progress * 100)}%`);
    expect(await page.getByTestId('review-period').textContent()).toContain(thisMonth);

    // Funnel, revenue by source and partner ranking each draw an SVG with bars.
    for (const chart of ['chart-funnel', 'chart-trend', 'chart-ranking']) {
      const section = page.getByTestId(chart);
      await section.locator('.recharts-surface').first().waitFor();
      await expect
        .poll(() => section.locator('.recharts-bar-rectangle path').count(), { message: chart })
        .toBeGreaterThan(0);
    }
    const ranking = page.getByTestId('chart-ranking');
    expect(
      await ranking
        .getByRole('table')
        .getByRole('row', { name: /Atlas Web Works/ })
        .textContent(),
    ).toContain('$2,000');
    const leads = page.getByRole('table', { name: 'Leads by source' });
    expect(await leads.getByRole('row', { name: /Inbound/ }).textContent()).toContain('$500');
    await page.getByText('Atlas Web Works', { exact: true }).first().waitFor();
  });

  it('switches to last month and to 12 months of trend, keeping the choice in the URL', async () => {
    await page.goto('/review');
    await glance('new-revenue').waitFor();
    await page.getByRole('combobox', { name: 'Period' }).click();
    await page.getByRole('option', { name: 'Last month' }).click();
    await page.waitForURL(new RegExp(`month=${lastMonth}`));
    await expect.poll(() => glance('new-revenue').textContent()).toBe('$1,000');
    expect(await glance('partnership-share').textContent()).toBe('100%');

    const trendRows = () => page.getByTestId('chart-trend').getByRole('table').getByRole('row').count();
    expect(await trendRows()).toBe(7);
    await page.getByText('Last 12 months').click();
    await page.waitForURL(/months=12/);
    await expect.poll(trendRows).toBe(13);

    await page.reload();
    await expect.poll(() => glance('new-revenue').textContent()).toBe('$1,000');
  });

  it('saves a review with notes and decisions and lists it with its snapshot', async () => {
    await page.goto(`/review?month=${thisMonth}`);
    await glance('new-revenue').waitFor();
    await page.getByRole('button', { name: 'Save review' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Notes').fill('Atlas brought most of the month');
    await dialog.getByLabel('Decisions').fill('Ask Atlas for two more intros');
    await dialog.getByRole('button', { name: 'Save review' }).click();
    await page.getByText('Review saved', { exact: true }).waitFor();

    const saved = (await call('GET', '/reviews')).items;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ periodLabel: thisMonth, decisions: 'Ask Atlas for two more intros' });
    const past = page.getByRole('table', { name: 'Past reviews' });
    await past.getByText('Ask Atlas for two more intros').waitFor();
    await past.getByRole('button', { name: `View the ${thisMonth} review` }).click();
    const snapshot = page.getByTestId('saved-review');
    await snapshot.getByText('Atlas brought most of the month').waitFor();
    expect(await snapshot.getByTestId('glance-new-revenue').textContent()).toBe('$2,500');
    await page.keyboard.press('Escape');
  });

  it('downloads the same review as Markdown', async () => {
    await page.goto(`/review?month=${thisMonth}`);
    await glance('new-revenue').waitFor();
    await page.getByRole('button', { name: 'More review actions' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Download Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`review-${thisMonth}.md`);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    const api = await (await fetch(`${app.url}/api/v1/review.md?month=${thisMonth}`)).text();
    expect(text).toBe(api);
    expect(text).toContain('Atlas Web Works');
  });
});

describe.skipIf(!hasChromium)('the review page on an empty workspace', () => {
  let app: WebApp;
  beforeAll(async () => {
    app = await startWebApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows zeros and dashes, never NaN, draws empty charts and points to the first step', async () => {
    const page = await app.newPage({ width: 390, height: 844 });
    await page.goto('/review');
    await expect.poll(() => page.getByTestId('glance-new-revenue').textContent()).toBe('$0');
    expect(await page.getByTestId('glance-partnership-share').textContent()).toBe('—');
    expect(await page.getByTestId('glance-progress').textContent()).toBe('0%');
    await page.getByTestId('review-empty').getByText('at least 5 potential partners listed').waitFor();
    expect(await page.getByTestId('checklist-next').textContent()).toContain('At least 5 potential partners listed');
    await page.getByTestId('chart-trend').locator('.recharts-surface').waitFor();
    await page.getByTestId('chart-funnel').locator('.recharts-surface').waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
  });
});
