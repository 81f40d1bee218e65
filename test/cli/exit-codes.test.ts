import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDataDir } from '../helpers/cli.js';

// The exit codes and messages of src/cli/exit-codes.ts, through the real binary: a person gets
// one line naming what to fix (and a hint), a script gets a code to branch on.

const dirs: string[] = [];
const freshDir = () => {
  const d = tempDataDir();
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const lines = (text: string) => text.trim().split('\n');
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('settings and files the user named', () => {
  it.each([
    [['serve', '--port', 'abc'], {}, '--port'],
    [['serve', '--port', '70000'], {}, '--port'],
    [['serve'], { PORT: 'abc' }, 'PORT'],
  ])('%j %j exits 2 with one line naming %s', async (args, env, setting) => {
    const r = await runCli(['--data-dir', freshDir(), ...args], env);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringContaining(`${setting}: expected a whole number from 0 to 65535`)]);
  });

  it('a port someone else holds exits 4 with a hint', async () => {
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const { port } = other.address() as net.AddressInfo;
    try {
      const r = await runCli(['--data-dir', freshDir(), 'serve', '--port', String(port)]);
      expect(r.code).toBe(4);
      expect(lines(r.stderr)).toEqual([`Error: 127.0.0.1:${port} is already in use`, expect.stringMatching(/^Hint: /)]);
    } finally {
      other.close();
    }
  });

  it('import of a missing file exits 2 naming the file, as restore does', async () => {
    const dir = freshDir();
    for (const args of [
      ['import', 'partners', 'missing.csv'],
      ['import', 'referrals', 'missing.csv'],
      ['restore', 'missing.csv'],
    ]) {
      const r = await runCli(['--data-dir', dir, ...args]);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toEqual(['Error: file: cannot read missing.csv (no such file)']);
    }
  });

  it('names the flag the user typed for bad fee terms, before and after the app checks them', async () => {
    const dir = freshDir();
    const cli = (...args: string[]) => runCli(['--data-dir', dir, ...args]);
    expect((await cli('partner', 'add', 'Copy Kitchen', '--type', 'agency', '--stage', 'call_done')).code).toBe(0);
    const typo = await cli('agreement', 'add', 'Copy Kitchen', '--pay-them', '10%xZ');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^Error: --pay-them: expected none, a percentage .* got "10%xZ"/);
    const tooMuch = await cli('agreement', 'add', 'Copy Kitchen', '--they-pay', '150%x3');
    expect(tooMuch.code).toBe(2);
    expect(tooMuch.stderr).toContain('--they-pay (percent): expected a percentage of at most 100');
  });
});

describe('imports that reject rows', () => {
  const dir = freshDir();
  const csv = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const mixed = csv(
    'mixed.csv',
    'Name,Email,Type\nBrightline PR,dana@brightline.example,agency\n,nobody@x.example,agency\n',
  );
  const clean = csv('clean.csv', 'Name,Email,Type\nLedgerly,hi@ledgerly.example,brand\n');

  it('exit 3 after printing the report, for a dry run too; 0 when every row went in', async () => {
    const dry = await runCli(['--data-dir', dir, '--json', 'import', 'partners', mixed, '--dry-run']);
    expect(dry.code).toBe(3);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, created: 1, rejected: 1 });
    expect(dry.stderr).toBe('');
    const real = await runCli(['--data-dir', dir, 'import', 'partners', mixed]);
    expect(real.code).toBe(3);
    expect(real.stdout).toContain('1 rejected');
    const ok = await runCli(['--data-dir', dir, 'import', 'partners', clean]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('1 created');
  });
});

describe('a database that cannot be used exits 4 with the reason and a hint, no stack trace', () => {
  it.each([
    [
      'a damaged database file',
      () => {
        const dir = freshDir();
        fs.writeFileSync(path.join(dir, 'partnerloop.db'), 'this is not SQLite '.repeat(400));
        return ['--data-dir', dir];
      },
      /is not a Partnerloop database or is damaged/,
    ],
    [
      'a data folder that is a file',
      () => {
        const file = path.join(freshDir(), 'data');
        fs.writeFileSync(file, 'x');
        return ['--data-dir', file];
      },
      /the data folder .* is a file/,
    ],
    [
      'a PostgreSQL nobody listens for',
      () => ['--database-url', 'postgres://postgres:secret@127.0.0.1:1/x'],
      /^Error: cannot reach PostgreSQL at 127\.0\.0\.1:1 \(ECONNREFUSED\)/,
    ],
  ])('%s', async (_label, where, reason) => {
    const r = await runCli([...where(), 'partner', 'list']);
    expect(r.code).toBe(4);
    const [first, hint, ...rest] = lines(r.stderr);
    expect(first).toMatch(reason);
    expect(hint).toMatch(/^Hint: /);
    expect(rest).toEqual([]);
    expect(r.stderr).not.toContain('secret');
    noStack(r.stderr);
  });
});

describe('--json prints failures as the API does, on stderr', () => {
  it.each([
    [
      'a refused input',
      (dir: string) => ['--data-dir', dir, 'partner', 'add', 'X', '--type', 'planet', '--json'],
      2,
      'validation_failed',
    ],
    ['a usage error', (dir: string) => ['--data-dir', dir, '--json', 'partner', 'list', '--bogus'], 2, 'bad_request'],
    [
      'an unreachable database',
      () => ['--database-url', 'postgres://postgres@127.0.0.1:1/x', 'partner', 'list', '--json'],
      4,
      'unavailable',
    ],
  ])('%s', async (_label, args, code, errorCode) => {
    const r = await runCli(args(freshDir()));
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    const body = JSON.parse(r.stderr);
    expect(body).toEqual({ error: { code: errorCode, message: expect.any(String), details: expect.any(Object) } });
  });
});
