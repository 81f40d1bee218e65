import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerloop-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function cli(dataDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/partnerloop.js'), '--data-dir', dataDir, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('partnerloop import referrals and export referrals|fees (real binary, SQLite)', () => {
  const data = path.join(tmp, 'data');
  const csv = path.join(tmp, 'referrals.csv');
  fs.writeFileSync(
    csv,
    '\ufeffReferred by;Client;When;Result;MRR\r\nBrightline PR;Acme Co;03/11/2026;won;"$2,000.00"\r\nNobody;Beta;2026-11-04;open;\r\nBrightline PR;Gamma;2026-11-05;won;-1\r\n',
  );

  it('dry-runs, imports with --create-partners, re-imports without duplicates, and exports', () => {
    expect(cli(data, 'partner', 'add', 'Brightline PR', '--type', 'agency').code).toBe(0);
    const dry = cli(data, '--json', 'import', 'referrals', csv, '--dry-run');
    expect(dry.code).toBe(3); // rows were rejected (exit-codes.test.ts)
    expect(JSON.parse(dry.out)).toMatchObject({
      dryRun: true,
      created: 1,
      rejected: 2,
      errors: [
        { line: 3, column: 'Referred by', field: 'partner' },
        { line: 4, column: 'MRR', field: 'monthlyValue', message: '"-1" is negative; expected an amount of 0 or more' },
      ],
    });
    const real = cli(data, 'import', 'referrals', csv, '--create-partners');
    expect(real.code).toBe(3);
    expect(real.out).toContain('2 created');
    expect(real.out).toContain('1 rejected');
    expect(real.out).toContain('Created 1 partner(s): Nobody (agency)');
    expect(JSON.parse(cli(data, '--json', 'import', 'referrals', csv, '--create-partners').out)).toMatchObject({
      created: 0,
      unchanged: 2,
    });
    const out = path.join(tmp, 'referrals-out.csv');
    expect(cli(data, 'export', 'referrals', '--out', out, '--outcome', 'won').code).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',Brightline PR,');
    expect(lines[1]).toContain(',Acme Co,,,2026-11-03,won,,,2000.00,USD,2026-11-03,');
    const fees = cli(data, 'export', 'fees', '--partner', 'Brightline PR');
    expect(fees.code).toBe(0);
    expect(fees.out.trim().split('\r\n')[0]).toBe(
      'Id,Due date,Partner,Partner id,Lead,Referral id,Direction,Month,Amount,Currency,Status,Overdue,Paid on,Agreement id',
    );
  });

  it('refuses a bad filter with exit code 2', () => {
    const r = cli(data, 'export', 'fees', '--as-of', '2026-02-30');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--as-of: expected a real calendar date');
  });
});
