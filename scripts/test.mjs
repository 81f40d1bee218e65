// The whole suite: lint, type check, then every test (unit, integration on SQLite and
// PostgreSQL, HTTP, CLI, browser) in one Vitest run. Ends with one "N passed, N failed" line
// for the whole run, which CI reads.
//
// `--at "2027-03-31 23:30:00@America/New_York"` (repeatable) runs the tests again (all but the
// torture and bench ones) with the machine's clock moved to that local instant by libfaketime
// (Debian's `faketime`) and TZ set to that zone: the suite pins its own "now", so it must pass
// at any instant and in any zone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const started = Date.now();
let passed = 0;
let failed = 0;
let skipped = 0;

const passes = [];
const vitestArgs = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] !== '--at') {
    vitestArgs.push(argv[i]);
    continue;
  }
  const [at, tz] = (argv[++i] ?? '').split('@');
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(at ?? '') || !tz) {
    process.stderr.write('--at expects "YYYY-MM-DD hh:mm:ss@Area/City", e.g. "2027-03-31 23:30:00@America/New_York"\n');
    process.exit(2);
  }
  passes.push({ at, tz });
}
if (passes.length && spawnSync('faketime', ['--version']).error) {
  process.stderr.write('--at needs libfaketime: apt-get install faketime\n');
  process.exit(2);
}

function step(name, cmd, args) {
  process.stdout.write(`\n▶ ${name}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status === 0) passed += 1;
  else failed += 1;
  return r.status === 0;
}

/**
 * What the runs at other instants leave out, to keep CI inside its time: the torture probes and
 * the bench's smoke run, which test faults and speed on dates fixed in their own data.
 */
const NOT_AGAIN = ['test/torture/**', 'test/bench/**'];

/** One Vitest run; its tests count once each, plus each file that failed on its own. */
function tests(name, report, { command = bin('vitest'), prefix = [], env = process.env, extra = [] } = {}) {
  process.stdout.write(`\n▶ ${name}\n`);
  fs.mkdirSync(path.dirname(report), { recursive: true });
  fs.rmSync(report, { force: true });
  const run = spawnSync(
    command,
    [...prefix, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra, ...vitestArgs],
    { cwd: root, stdio: 'inherit', env },
  );
  let f = 0;
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    passed += r.numPassedTests;
    // A file that did not load, or whose hook failed, has no failing test of its own; vitest's
    // failed-suite count also holds every file with a failing test, which would count it twice.
    const brokenFiles = r.testResults.filter(
      (file) => file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'),
    );
    f += r.numFailedTests + brokenFiles.length;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    if (r.numTotalTests === 0) f += 1;
  } else {
    f += 1;
  }
  if (run.status !== 0 && f === 0) f += 1;
  failed += f;
}

step('lint (biome)', bin('biome'), ['check', '.']);
step('type check (tsc --noEmit)', bin('tsc'), ['--noEmit']);
tests('tests (vitest)', path.join(root, '.tmp', 'vitest.json'));
for (const [i, { at, tz }] of passes.entries()) {
  tests(`tests again at ${at} in ${tz} (libfaketime)`, path.join(root, '.tmp', `vitest-at-${i}.json`), {
    command: 'faketime',
    prefix: ['-f', `@${at}`, bin('vitest')],
    // Only the wall clock moves: timers and timeouts keep the real monotonic clock.
    env: { ...process.env, TZ: tz, FAKETIME_DONT_FAKE_MONOTONIC: '1' },
    extra: NOT_AGAIN.flatMap((glob) => ['--exclude', glob]),
  });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
process.stdout.write(`\nChecks and tests finished in ${seconds} s\n`);
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed === 0 ? 0 : 1);
