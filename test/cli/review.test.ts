import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../helpers/cli.js';

describe('partnerloop review and checklist (real binary)', () => {
  const dir = tempDataDir();
  const cli = (...args: string[]) => runCli(['--data-dir', dir, ...args]);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shows zeros on an empty workspace, as JSON and Markdown', async () => {
    const json = await cli('review', '--month', '2026-11', '--json');
    expect(json.code).toBe(0);
    const r = JSON.parse(json.stdout);
    expect(r.goal).toMatchObject({ newMonthlyRevenue: 0, recurringPartnerRevenue: 0, monthlyTarget: 500000 });
    const md = await cli('review', '--month', '2026-11', '--markdown');
    expect(md.stdout).toContain('# Partnership review: 2026-11');
    expect(md.stdout).toContain('| Monthly target | $5,000.00 |');
  });

  it('prints the checklist with the next thing to do, and saves a review', async () => {
    const c = await cli('checklist');
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('0 of 7 done');
    expect(c.stdout).toContain('Next: List agencies');
    const saved = await cli('review', 'save', '--week', '2026-W48', '--notes', 'First look');
    expect(saved.stdout).toContain('Saved the review of 2026-W48');
    const list = await cli('review', 'list', '--json');
    expect(JSON.parse(list.stdout).items[0]).toMatchObject({ periodLabel: '2026-W48', notes: 'First look' });
  });

  // `review` declares the same period flags; each must reach `save` (src/cli/program-options.ts).
  it.each([
    [['--week', '2026-W45'], { periodKind: 'week', periodLabel: '2026-W45', periodFrom: '2026-11-02' }],
    [['--month', '2026-10'], { periodKind: 'month', periodLabel: '2026-10', periodTo: '2026-10-31' }],
    [
      ['--from', '2026-09-07', '--to', '2026-09-20'],
      { periodKind: 'range', periodFrom: '2026-09-07', periodTo: '2026-09-20' },
    ],
  ])('review save %j saves that period', async (period, expected) => {
    const saved = await cli('review', 'save', ...period, '--notes', 'period check', '--json');
    expect(saved.code).toBe(0);
    expect(JSON.parse(saved.stdout)).toMatchObject({ ...expected, notes: 'period check' });
  });

  it('review still takes the period flags itself', async () => {
    const r = await cli('review', '--week', '2026-W47', '--json');
    expect(JSON.parse(r.stdout).period).toMatchObject({ label: '2026-W47', from: '2026-11-16' });
  });

  it('exits 2 naming the field of a bad period', async () => {
    const r = await cli('review', '--month', 'november');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('month');
  });
});
