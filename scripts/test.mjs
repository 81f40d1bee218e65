// The whole suite: lint, type check, then every test (unit, integration on SQLite and
// PostgreSQL, HTTP, CLI, browser) in one Vitest run. Ends with one "N passed, N failed" line
// for the whole run, which CI reads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const report = path.join(root, '.tmp', 'vitest.json');
const started = Date.now();
let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, cmd, args) {
  process.stdout.write(`\n▶ ${name}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status === 0) passed += 1;
  else failed += 1;
  return r.status === 0;
}

step('lint (biome)', bin('biome'), ['check', '.']);
step('type check (tsc --noEmit)', bin('tsc'), ['--noEmit']);

fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
process.stdout.write('\n▶ tests (vitest)\n');
const extra = process.argv.slice(2);
const run = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
  { cwd: root, stdio: 'inherit' },
);
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  if (r.numTotalTests === 0) failed += 1;
} else {
  failed += 1;
}
if (run.status !== 0 && failed === 0) failed += 1;

const seconds = ((Date.now() - started) / 1000).toFixed(1);
process.stdout.write(`\nChecks and tests finished in ${seconds} s\n`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed === 0 ? 0 : 1);
