import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerloop-cli-agreements-'));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/partnerloop.js'), '--data-dir', dataDir, ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const json = (...args: string[]) => {
  const r = cli('--json', ...args);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out);
};

// Every test starts from one partner after its call, with a proposed 10%-for-3-months deal.
beforeAll(() => {
  json('partner', 'add', 'Copy Kitchen', '--type', 'complementary', '--subtype', 'copywriter', '--stage', 'call_done');
  json('agreement', 'add', 'Copy Kitchen', '--pay-them', '10%x3', '--handoff', 'intro_email', '--start', '2026-01-01');
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('CLI: agreement, referral and fees', () => {
  it('goes from agreement to a paid fee line, money flags in major units and JSON in minor units', () => {
    const shown = json('agreement', 'show', 'Copy Kitchen');
    expect(shown.items[0].feeToThem).toEqual({ kind: 'percent', percent: 10, months: 3 });
    expect(json('agreement', 'activate', 'Copy Kitchen').status).toBe('active');
    const ref = json(
      'referral',
      'add',
      'Acme',
      '--direction',
      'received',
      '--partner',
      'Copy Kitchen',
      '--date',
      '2026-02-01',
    );
    const won = json('referral', 'won', ref.id, '--value', '2,000', '--start', '2026-02-15');
    expect(won.monthlyValue).toBe(200_000);
    expect(won.feeLines.map((l: { amount: number }) => l.amount)).toEqual([20_000, 20_000, 20_000]);
    const paid = json('fees', 'pay', won.feeLines[0].id, '--on', '2026-03-16');
    const edited = json('referral', 'edit', ref.id, '--value', '3000');
    expect(edited.feeLines.map((l: { amount: number }) => l.amount)).toEqual([20_000, 30_000, 30_000]);
    json('referral', 'edit', ref.id, '--value', '2000');
    expect(paid).toMatchObject({ status: 'paid', paidOn: '2026-03-16' });
    const page = json('fees', '--partner', 'Copy Kitchen', '--status', 'paid');
    expect(page.items.map((l: { id: string }) => l.id)).toEqual([won.feeLines[0].id]);
    const totals = json('fees', 'totals', '--as-of', '2026-04-20');
    expect(totals.payable).toEqual({ due: 40_000, overdue: 20_000, paid: 20_000 });
    expect(json('referral', 'list', '--outcome', 'won').items).toHaveLength(1);

    const human = cli('fees', '--as-of', '2026-04-20');
    expect(human.code).toBe(0);
    expect(human.out).toContain('$200.00');
    expect(human.out).toContain('overdue');
  });

  // Uses the fee lines of the test above: 200.00 due 2026-03-15 (paid), 04-15 and 05-15.
  // `fees` declares the same flags as `fees totals`; each must reach `totals`.
  it('fees totals reads its own --as-of, --from, --to and --partner', () => {
    const totals = (...args: string[]) => json('fees', 'totals', ...args).payable;
    expect(totals('--as-of', '2026-05-20')).toEqual({ due: 40_000, overdue: 40_000, paid: 20_000 });
    expect(totals('--as-of', '2026-04-20', '--from', '2026-04-01')).toEqual({ due: 40_000, overdue: 20_000, paid: 0 });
    expect(totals('--as-of', '2026-04-20', '--to', '2026-03-31')).toEqual({ due: 0, overdue: 0, paid: 20_000 });
    json('partner', 'add', 'Quiet Studio', '--type', 'agency', '--subtype', 'web');
    expect(totals('--as-of', '2026-04-20', '--partner', 'Quiet Studio')).toEqual({ due: 0, overdue: 0, paid: 0 });
    expect(totals('--as-of', '2026-04-20', '--partner', 'Copy Kitchen')).toEqual({
      due: 40_000,
      overdue: 20_000,
      paid: 20_000,
    });
  });

  it('exports the one-pager as Markdown and PDF', () => {
    const md = cli('agreement', 'export', 'Copy Kitchen');
    expect(md.code).toBe(0);
    expect(md.out).toContain('# Referral agreement');
    const out = path.join(dataDir, 'one-pager.pdf');
    expect(cli('agreement', 'export', 'Copy Kitchen', '--format', 'pdf', '--out', out).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exits 2 naming the field for bad input and refused actions', () => {
    const bad = cli('agreement', 'add', 'Copy Kitchen', '--pay-them', '150%x3');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--pay-them (percent)');
    const money = cli('referral', 'won', 'nope', '--value', 'lots', '--start', '2026-01-01');
    expect(money.code).toBe(2);
    expect(money.err).toContain('--value');
    expect(cli('fees', '--status', 'late').code).toBe(2);
  });
});
