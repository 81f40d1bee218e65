import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../helpers/cli.js';

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

/** Starts `partnerloop serve` as `npm start` does and waits for the printed URL. */
function serve(args: string[], env: Record<string, string>): Promise<string> {
  child = spawn(process.execPath, [path.resolve('bin/partnerloop.js'), 'serve', '--port', '0', ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child!.stdout!.on('data', (d) => {
      out += d;
      const url = out.match(/running at (http:\/\/\S+)/)?.[1];
      if (url) resolve(url);
    });
    child!.stderr!.on('data', (d) => {
      out += d;
    });
    child!.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

describe('partnerloop serve', () => {
  it('creates the database under DATA_DIR, listens on 127.0.0.1 and serves the app and the API', async () => {
    const dir = tempDataDir();
    const url = await serve([], { DATA_DIR: dir });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(fs.existsSync(path.join(dir, 'partnerloop.db'))).toBe(true);
    const page = await fetch(`${url}/partners`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<div id="root">');
    const api = await (await fetch(`${url}/api/v1/partners`)).json();
    expect(api).toMatchObject({ items: [], total: 0 });
  });

  it('loads the sample with --demo', async () => {
    const url = await serve(['--demo'], { DATA_DIR: tempDataDir() });
    const api = await (await fetch(`${url}/api/v1/partners?limit=1`)).json();
    expect(api.total).toBe(12);
  });
});
