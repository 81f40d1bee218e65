// `npm run bench`: bundles the TypeScript benchmark with esbuild and runs it with the given flags.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, '.tmp', `bench-${process.pid}.mjs`);
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['bench/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
// The server under test runs from dist/, so make sure it is current first.
const { build } = await import(pathToFileURL(path.join(root, 'scripts', 'build.mjs')).href);
await build({ quiet: true });
process.chdir(root);
await import(pathToFileURL(outfile).href);
