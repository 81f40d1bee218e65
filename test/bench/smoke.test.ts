import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { loadTestConfig } from '../../src/config.js';
import { dialects } from '../helpers/db.js';

const SHARED_ROWS = [
  'this machine: durable SQLite commits (one-row transactions)',
  'monthly review, all figures (app layer)',
  'monthly review by hand-written SQL (the floor)',
  'partner list, app layer, no read cache (one request computed)',
  'cold start to first answer',
  'partner list over HTTP (stage filter, next action, 50)',
  'partner page over HTTP (partner, timeline, referrals, fees)',
  'create a referral over HTTP (durable commit)',
  'server memory with the reference data',
];

// The benchmark itself is `npm run bench`; this only proves the script still runs end to end on
// a small data set and reports every row, so it cannot rot between benchmark runs.
describe('npm run bench (smoke scale)', () => {
  for (const dialect of dialects) {
    it(`generates a small data set, measures every row and writes the results file [${dialect}]`, async () => {
      const out = path.resolve('.tmp', `bench-smoke-${dialect}-${process.pid}.json`);
      const url = loadTestConfig().testDatabaseUrl!;
      // Each run its own schema, so runs side by side never meet.
      const schema = `bench_smoke_${uuidv7().replace(/-/g, '')}`;
      const where = dialect === 'postgres' ? ['--database-url', url, '--schema', schema] : [];
      try {
        const run = spawnSync(
          process.execPath,
          ['scripts/bench.mjs', '--scale', 'smoke', '--generate', '--duration', '1', '--out', out, ...where],
          // An outside DATABASE_URL must not turn the SQLite run into a PostgreSQL one.
          { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' } },
        );
        expect(run.status, run.stderr).toBe(0);
        const results = JSON.parse(fs.readFileSync(out, 'utf8'));
        expect(results.database).toBe(dialect);
        expect(results.sizes).toEqual({ partners: 200, referrals: 2000, activities: 4000 });
        const names = results.rows.map((r: { name: string }) => r.name);
        const expected =
          dialect === 'sqlite' ? [...SHARED_ROWS, 'CSV import of 2,000 referrals (SQLite)'] : SHARED_ROWS;
        expect(names).toEqual(expected);
        expect(run.stdout).toContain(dialect === 'sqlite' ? 'SQLite, smoke scale' : `(schema ${schema}), smoke scale`);
        expect(run.stdout).toContain('| work');
      } finally {
        fs.rmSync(out, { force: true });
        if (dialect === 'postgres') {
          const admin = new pg.Client({ connectionString: url });
          await admin.connect();
          await admin.query(`drop schema if exists ${schema} cascade`);
          await admin.end();
        }
      }
    }, 120_000);
  }
});
