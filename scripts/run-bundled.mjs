// Bundles a TypeScript entry point with esbuild into .tmp/ and runs it in this process, after
// making sure dist/ (the server and CLI the entry spawns) is current. `npm run bench` and
// `npm run torture` both start this way.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function runBundled(entry, name) {
  const outfile = path.join(root, '.tmp', `${name}-${process.pid}.mjs`);
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  const { build } = await import(pathToFileURL(path.join(root, 'scripts', 'build.mjs')).href);
  await build({ quiet: true });
  process.chdir(root);
  await import(pathToFileURL(outfile).href);
}
