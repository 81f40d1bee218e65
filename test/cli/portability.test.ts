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
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('partnerloop import, export, backup and restore (real binary, SQLite)', () => {
  const data = path.join(tmp, 'data');
  const csv = path.join(tmp, 'partners.csv');
  fs.writeFileSync(
    csv,
    '\ufeffOrganisation;Mail;Kind;Status\r\nBrightline PR;dana@brightline.example;PR agency;contacted\r\n;x@y.example;brand;\r\nLedgerly;hi@ledgerly.example;SaaS;agreement yes\r\n',
  );

  it('dry-runs, imports with a column override, and re-imports without duplicates', () => {
    const args = ['import', 'partners', csv, '--map', 'Mail=email'];
    const dry = cli(data, '--json', ...args, '--dry-run');
    expect(dry.code).toBe(3); // a row was rejected (exit-codes.test.ts)
    expect(JSON.parse(dry.out)).toMatchObject({
      dryRun: true,
      created: 2,
      rejected: 1,
      errors: [{ line: 3, column: 'Organisation', field: 'name', message: 'must not be empty' }],
    });
    expect(JSON.parse(cli(data, '--json', 'partner', 'list').out).total).toBe(0);
    const real = cli(data, ...args);
    expect(real.code).toBe(3);
    expect(real.out).toContain('2 created');
    expect(real.out).toContain('1 rejected');
    expect(JSON.parse(cli(data, '--json', ...args).out)).toMatchObject({ created: 0, unchanged: 2 });
    expect(JSON.parse(cli(data, '--json', 'partner', 'list').out).total).toBe(2);
  });

  it('refuses an unknown field in --map with exit code 2', () => {
    const r = cli(data, 'import', 'partners', csv, '--map', 'Mail=mailbox');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--map (Mail): "mailbox" is not a field');
  });

  it('exports CSV with a BOM to a file and to standard output', () => {
    const out = path.join(tmp, 'export.csv');
    expect(cli(data, 'export', 'partners', '--out', out, '--bom').code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.startsWith('\ufeffId,Name,')).toBe(true);
    expect(text).toContain(',Ledgerly,');
    const stdout = cli(data, 'export', 'partners', '--stage', 'agreement').out;
    expect(stdout.trim().split('\r\n')).toHaveLength(2);
  });

  it('backs up, restores into another data directory, and refuses a second restore', () => {
    const file = path.join(tmp, 'backup.jsonl');
    const backup = cli(data, '--json', 'backup', '--out', file);
    expect(backup.code).toBe(0);
    expect(JSON.parse(backup.out).tables).toMatchObject({
      workspaces: 1,
      partners: 2,
      partner_tags: 0,
      activities: 2,
      stage_events: 2,
      referrals: 0,
    });
    const other = path.join(tmp, 'other');
    expect(cli(other, 'restore', file).code).toBe(0);
    const names = JSON.parse(cli(other, '--json', 'partner', 'list', '--sort', 'name').out).items.map(
      (p: { name: string }) => p.name,
    );
    expect(names).toEqual(['Brightline PR', 'Ledgerly']);
    const again = cli(other, 'restore', file);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already holds data');
    expect(cli(other, 'restore', file, '--force').code).toBe(0);
    const copy = path.join(tmp, 'copy.db');
    expect(cli(data, 'backup', '--sqlite-copy', copy).code).toBe(0);
    expect(fs.statSync(copy).size).toBeGreaterThan(0);
    expect(cli(data, 'backup', '--sqlite-copy', copy).code).toBe(2);
  });
});
