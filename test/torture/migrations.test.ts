import { describe, expect, it } from 'vitest';
import { dialects } from '../helpers/db.js';
import { describeFailures } from './failures.js';
import { runMigrations } from './migrations/probe.js';

// Every earlier schema version, populated, then migrated: small, so the short pass is the whole probe.
describe('torture: migrations over a populated database of every earlier version', () => {
  for (const dialect of dialects) {
    it(`keeps every row and the app reads the workspace [${dialect}]`, async () => {
      const f = await runMigrations(dialect);
      console.log(`migrations [${dialect}]: ${f.versions} earlier versions, ${f.rowsChecked} rows checked`);
      if (f.failures.length > 0) expect.fail(describeFailures(f.failures));
    }, 120_000);
  }
});
