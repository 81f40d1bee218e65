import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerloop-cli-'));
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/partnerloop.js', '--data-dir', dataDir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PARTNERLOOP_QUIET: '1', DATABASE_URL: '', SMTP_URL: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('outreach CLI', () => {
  it('goes from a partner to a copied first touch, refuses blanks and bad input with exit 2', () => {
    expect(run('partner', 'add', 'Brightline PR', '--type', 'agency', '--contact', 'Dana Whitfield').code).toBe(0);
    const preview = run('--json', 'outreach', 'preview', 'Brightline PR');
    expect(preview.code).toBe(0);
    const p = JSON.parse(preview.out);
    expect(p.missing.map((m: { field: string }) => m.field)).toContain('partner.their_clients');

    const refused = run('outreach', 'send', 'Brightline PR');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/partner.their_clients: is empty/);

    run('partner', 'edit', 'Brightline PR', '--audience', 'beauty brands');
    const set = run(
      'profile',
      'set',
      'positioning=video for skincare brands',
      'ideal-client=skincare brands',
      'sender-name=Sam',
      'calendar-link=https://cal.example/sam',
    );
    expect(set.code).toBe(0);
    const sent = run('--json', 'outreach', 'send', 'Brightline PR', '--channel', 'linkedin', '--on', '2026-11-02');
    expect(sent.code).toBe(0);
    expect(JSON.parse(sent.out)).toMatchObject({ kind: 'first_touch', channel: 'linkedin', sentOn: '2026-11-02' });

    const fu = run('--json', 'followups', '--as-of', '2026-11-07');
    expect(JSON.parse(fu.out).items[0]).toMatchObject({ state: 'due', dueOn: '2026-11-07' });
    const today = run('today', '--as-of', '2026-11-10');
    expect(today.out).toMatch(/Follow-ups overdue[\s\S]*Brightline PR/);

    expect(run('reply', 'Brightline PR', 'maybe').code).toBe(2);
    expect(run('followups', '--as-of', 'tomorrow').code).toBe(2);
    expect(run('template', 'add', 'Bad', '--body', 'Hi {{partner.nick}}').code).toBe(2);
  });

  // Another partner, so the dates are its own: first touch on the 2nd, the follow-up on the
  // 9th, their reply on the 12th. Every day is explicit; nothing depends on the real date.
  it('refuses a message after the one follow-up naming the rule, and answers as of a past day', () => {
    const add = ['partner', 'add', 'Quiet Studio', '--type', 'agency', '--contact', 'Alex Doe', '--audience', 'shops'];
    expect(run(...add).code).toBe(0);
    expect(run('outreach', 'send', 'Quiet Studio', '--channel', 'linkedin', '--on', '2026-11-02').code).toBe(0);
    const fu = run('--json', 'outreach', 'send', 'Quiet Studio', '--channel', 'linkedin', '--on', '2026-11-09');
    expect(JSON.parse(fu.out)).toMatchObject({ kind: 'follow_up', sentOn: '2026-11-09' });
    const again = run('outreach', 'send', 'Quiet Studio', '--channel', 'linkedin', '--on', '2026-11-10');
    expect(again.code).toBe(2);
    expect(again.err).toContain('the one follow-up was already sent on 2026-11-09; there is never a second');
    expect(again.err).not.toContain('not yet contacted');
    expect(run('reply', 'Quiet Studio', 'interested', '--on', '2026-11-12').code).toBe(0);

    const day6 = JSON.parse(run('--json', 'today', '--as-of', '2026-11-08').out);
    const quiet = (items: { partner: { name: string } }[]) => items.find((f) => f.partner.name === 'Quiet Studio');
    expect(quiet(day6.followUpsDue)).toMatchObject({ state: 'due', partner: { stage: 'contacted' } });
    const waiting = JSON.parse(run('--json', 'followups', '--as-of', '2026-11-11').out);
    expect(quiet(waiting.items)).toMatchObject({ state: 'awaiting_reply', partner: { stage: 'followed_up' } });
    expect(quiet(JSON.parse(run('--json', 'followups', '--as-of', '2026-11-12').out).items)).toBeUndefined();
  });

  it('books, exports and completes a call', () => {
    expect(run('reply', 'Brightline PR', 'interested', '--on', '2026-11-05').code).toBe(0);
    const booked = run('--json', 'call', 'book', 'Brightline PR', '--at', '2026-11-27 10:00', '--minutes', '15');
    expect(booked.code).toBe(0);
    const id = JSON.parse(booked.out).id as string;
    const file = path.join(dataDir, 'call.ics');
    expect(run('call', 'ics', id, '--out', file).code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/DTSTART:20261127T100000Z/);
    expect(run('call', 'done', id, '--fit', 'yes', '--next-step', 'Draft terms').code).toBe(0);
    expect(run('call', 'done', id, '--fit', 'yes').code).toBe(2);
  });
});
