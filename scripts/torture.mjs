// `npm run torture`: bundles the TypeScript torture suite (test/torture/main.ts) with esbuild and
// runs it at full size with the given flags; `npm test` runs a short pass of the same probes.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, '.tmp', `torture-${process.pid}.mjs`);
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['test/torture/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
// The spawned servers and CLI runs are the built bundle, so make sure it is current first.
const { build } = await import(pathToFileURL(path.join(root, 'scripts', 'build.mjs')).href);
await build({ quiet: true });
process.chdir(root);
await import(pathToFileURL(outfile).href);
