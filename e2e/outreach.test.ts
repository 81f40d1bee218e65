import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartner } from '../src/app/partners.js';
import { PINNED_NOW } from '../test/helpers/clock.js';
import { readyToWrite } from '../test/helpers/outreach.js';
import { hasChromium, startWebApp, type WebApp } from './helpers.js';

const DAY = 86_400_000;

describe.skipIf(!hasChromium)('outreach in the browser', () => {
  let app: WebApp;
  let page: Page;
  // "Now", moved forward by the test instead of waiting for days to pass.
  let now = new Date(PINNED_NOW);

  beforeAll(async () => {
    app = await startWebApp({ now: PINNED_NOW });
    page = await app.newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function openComposer() {
    await page.getByRole('button', { name: 'Write message' }).click();
    await page.getByRole('dialog').getByTestId('preview-body').waitFor();
  }

  /** Waits for a confirmation toast with this title. */
  const notice = (title: string) => page.locator('.mantine-Notification-title', { hasText: title }).first().waitFor();

  async function sentMessages(partnerId: string): Promise<{ kind: string; body: string }[]> {
    const res = await fetch(`${app.url}/api/v1/partners/${partnerId}/messages`);
    return ((await res.json()) as { items: { kind: string; body: string }[] }).items;
  }

  it('composes, copies and marks a first touch sent; the follow-up shows on Today from day 5, only once; a call is booked and completed', async () => {
    const { deps, ctx } = app.runtime;
    const partner = await readyToWrite(deps, ctx);
    await page.goto(`/partners/${partner.id}`);
    await page.getByText('Not contacted yet').waitFor();

    await openComposer();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('preview-body').textContent()).toContain('Dana');
    const rendered = (await dialog.getByTestId('preview-body').textContent()) ?? '';
    expect(rendered).not.toContain('{{');
    await dialog.getByRole('button', { name: 'Copy text' }).click();
    await dialog.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(rendered);
    await dialog.getByText('LinkedIn', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Mark as sent' }).click();
    await notice('Marked as sent');

    const [first] = await sentMessages(partner.id);
    expect(first).toMatchObject({ kind: 'first_touch', body: rendered });
    await expect.poll(() => page.getByTestId('stage-badge').textContent()).toBe('Contacted');
    await expect.poll(() => page.getByTestId('message-text').first().textContent()).toContain(rendered.trim());

    // Day 4: not yet on Today.
    now = new Date(now.getTime() + 4 * DAY);
    await app.setNow(now);
    await page.goto('/today');
    await page.getByRole('heading', { name: 'Today', exact: true }).waitFor();
    expect(await page.getByTestId('today-followups').count()).toBe(0);

    // Day 5: due.
    now = new Date(now.getTime() + DAY);
    await app.setNow(now);
    await page.goto('/today');
    const followups = page.getByTestId('today-followups');
    await followups.getByText('Brightline PR').waitFor();
    expect(await followups.textContent()).toMatch(/Follow-up due/);
    await followups.getByRole('button', { name: 'Write follow-up' }).click();
    await expect.poll(() => dialog.getByTestId('preview-body').textContent()).toContain('Dana');
    expect(await dialog.getByLabel('Template', { exact: true }).inputValue()).toMatch(/Follow-up/);
    await dialog.getByRole('button', { name: 'Mark as sent' }).click();
    await notice('Marked as sent');
    await expect.poll(() => page.getByTestId('today-followups').count()).toBe(0);
    expect((await sentMessages(partner.id)).map((m) => m.kind)).toEqual(['follow_up', 'first_touch']);

    // A second follow-up cannot be sent: the composer says why and keeps the button disabled.
    await page.goto(`/partners/${partner.id}`);
    await expect.poll(() => page.getByTestId('stage-badge').textContent()).toBe('Followed up');
    await page
      .getByTestId('follow-up-status')
      .getByText(/waiting for a reply/)
      .waitFor();
    await openComposer();
    await dialog.getByLabel('Template', { exact: true }).click();
    await page.getByRole('option', { name: /Follow-up/ }).click();
    await dialog.getByTestId('follow-up-done').waitFor();
    expect(await dialog.getByRole('button', { name: 'Mark as sent' }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // Book a call at a local time; the link defaults to the profile's calendar link.
    await page.getByRole('button', { name: 'Book call' }).click();
    const book = page.getByRole('dialog');
    await book.getByLabel('Starts at').fill('2026-12-01T15:00');
    expect(await book.getByLabel('Meeting link').inputValue()).toBe('https://cal.example/sam/15min');
    expect(await book.getByLabel('Minutes').inputValue()).toBe('20');
    await book.getByRole('button', { name: 'Book call' }).click();
    await notice('Call booked');
    const call = page.getByTestId('call');
    await call.getByText('Booked').waitFor();
    const ics = await call.getByRole('link', { name: '.ics' }).getAttribute('href');
    const icsRes = await fetch(`${app.url}${ics}`);
    expect(icsRes.headers.get('content-type')).toContain('text/calendar');
    expect(await icsRes.text()).toContain('BEGIN:VEVENT');
    await expect.poll(() => page.getByTestId('stage-badge').textContent()).toBe('Call booked');

    await call.getByRole('button', { name: 'Complete' }).click();
    const done = page.getByRole('dialog');
    await done.getByLabel('Their ideal client').fill('Beauty brands before a launch');
    await done.getByLabel('Their services').fill('Press releases and launches');
    await done.getByText('Maybe', { exact: true }).click();
    await done.getByLabel('Next step').fill('Send two case studies');
    await done.getByRole('button', { name: 'Save notes' }).click();
    await notice('Call completed');
    await expect.poll(() => page.getByTestId('stage-badge').textContent()).toBe('Call done');
    await call.getByText('Maybe a fit').waitFor();
    expect(await call.textContent()).toContain('Next step: Send two case studies');
  });

  it('will not send a message while a merge field is blank, and lists the field', async () => {
    const { deps, ctx } = app.runtime;
    const partner = await createPartner(deps, ctx, { name: 'Nameless Studio', type: 'agency', audience: 'startups' });
    await page.goto(`/partners/${partner.id}`);
    await openComposer();
    const dialog = page.getByRole('dialog');
    const missing = dialog.getByTestId('missing-fields');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('{{partner.first_name}}');
    expect(await dialog.getByTestId('missing-mark').first().textContent()).toBe('{{partner.first_name}}');
    expect(await dialog.getByRole('button', { name: 'Mark as sent' }).isDisabled()).toBe(true);
    expect(await sentMessages(partner.id)).toEqual([]);
  });

  it('records a reply with its real date, which stops the follow-up rule', async () => {
    now = new Date('2026-11-30T10:00:00Z');
    await app.setNow(now);
    const { deps, ctx } = app.runtime;
    const partner = await createPartner(deps, ctx, {
      name: 'Quill & Co',
      type: 'complementary',
      contactName: 'Ola Berg',
      audience: 'founders',
    });
    await page.goto(`/partners/${partner.id}`);
    await openComposer();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('preview-body').textContent()).toContain('Ola');
    await dialog.getByLabel('Sent on').fill('2026-11-27');
    await dialog.getByRole('button', { name: 'Mark as sent' }).click();
    await notice('Marked as sent');
    await expect.poll(() => page.getByTestId('stage-badge').textContent()).toBe('Contacted');

    await page.getByRole('button', { name: 'Record reply' }).click();
    const reply = page.getByRole('dialog');
    await reply.getByText('Not now', { exact: true }).click();
    await reply.getByLabel('Replied on').fill('2026-11-28');
    await reply.getByRole('button', { name: 'Record reply' }).click();
    await notice('Reply recorded');
    await expect.poll(() => page.getByTestId('stage-badge').textContent()).toBe('Replied');
    await page.getByText('Replied: Not now').waitFor();
    const res = await fetch(`${app.url}/api/v1/followups`);
    const items = ((await res.json()) as { items: { partner: { id: string } }[] }).items;
    expect(items.map((i) => i.partner.id)).not.toContain(partner.id);
  });

  it("refuses a template with an unknown field at its position, and converts the guide's [brackets]", async () => {
    await page.goto('/outreach');
    // The sent log lists what the earlier tests sent, newest first by when it was really sent:
    // the follow-up (day 5), Quill's first touch logged for Nov 27, then the first touch.
    const log = page.getByTestId('sent-log');
    await log.getByText('Quill & Co').waitFor();
    expect(await log.getByRole('link').allTextContents()).toEqual(['Brightline PR', 'Quill & Co', 'Brightline PR']);
    // The composer opens from here too, for any partner found by name.
    const search = page.getByRole('combobox', { name: 'Write to a partner' });
    await search.fill('Nameless');
    await page.getByRole('option', { name: /Nameless Studio/ }).click();
    await page.getByRole('dialog').getByText('Write to Nameless Studio').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'New template' }).click();
    await page.getByLabel('Name').fill('Warm intro');
    const body = page.getByLabel('Body');
    await body.fill('Hi [Name], I run [Agency].\nSee {{partner.nickname}}');
    await page.getByRole('button', { name: 'Convert [Name] placeholders' }).click();
    await expect
      .poll(() => body.inputValue())
      .toBe('Hi {{partner.first_name}}, I run {{agency.name}}.\nSee {{partner.nickname}}');
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText(/"partner.nickname" at line 2, column 5/).waitFor();
    await body.fill('Hi {{partner.first_name}}, I run {{agency.name}}.');
    await page.getByRole('button', { name: 'Save template' }).click();
    await notice('Template saved');
    await page
      .getByRole('link', { name: 'Warm intro' })
      .or(page.getByText('Warm intro', { exact: true }))
      .first()
      .waitFor();
  });
});
