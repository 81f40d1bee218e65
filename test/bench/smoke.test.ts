import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The benchmark itself is `npm run bench`; this only proves the script still runs end to end on
// a small data set and reports every row, so it cannot rot between benchmark runs.
describe('npm run bench (smoke scale)', () => {
  it('generates a small data set, measures every row and writes the results file', () => {
    const out = path.resolve('.tmp', `bench-smoke-${process.pid}.json`);
    const run = spawnSync(
      process.execPath,
      ['scripts/bench.mjs', '--scale', 'smoke', '--generate', '--duration', '1', '--out', out],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(run.status, run.stderr).toBe(0);
    const results = JSON.parse(fs.readFileSync(out, 'utf8'));
    fs.rmSync(out);
    expect(results.sizes).toEqual({ partners: 200, referrals: 2000, activities: 4000 });
    const names = results.rows.map((r: { name: string }) => r.name);
    for (const expected of [
      'monthly review, all figures (app layer)',
      'monthly review by hand-written SQL (the floor)',
      'cold start to first answer',
      'partner list over HTTP (stage filter, next action, 50)',
      'create a referral over HTTP (durable commit)',
      'server memory with the reference data',
      'CSV import of 2,000 referrals (SQLite)',
    ]) {
      expect(names).toContain(expected);
    }
    expect(run.stdout).toContain('| work');
  }, 120_000);
});
