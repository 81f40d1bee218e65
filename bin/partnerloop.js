#!/usr/bin/env node
// Runs the bundled CLI, building it first when the sources are newer (a fresh checkout, or
// after an edit), so `npx partnerloop` and `npm start` always run the code in front of you.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const script = path.join(root, 'scripts', 'build.mjs');
if (fs.existsSync(script) && fs.existsSync(path.join(root, 'src'))) {
  const { build } = await import(pathToFileURL(script).href);
  await build({ quiet: true });
}
await import(pathToFileURL(path.join(root, 'dist', 'cli.js')).href);
