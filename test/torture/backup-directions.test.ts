import { describe, expect, it } from 'vitest';
import { dialects } from '../helpers/db.js';
import { runBackupDirections } from './backup-directions.js';
import { describeFailures } from './failures.js';

// Small data, so the short pass is the whole probe; `npm run torture` runs it too.
describe('torture: backup → restore in every direction', () => {
  it(`gives back every row and every answer (${dialects.join(', ')})`, async () => {
    const r = await runBackupDirections(dialects);
    for (const d of r.directions) {
      console.log(
        `backup ${d.from} → ${d.to}: ${d.rows} rows, ${d.differences} row differences, ${d.apiDifferences} API differences`,
      );
    }
    expect(r.directions.length).toBe(dialects.length ** 2);
    if (r.failures.length > 0) expect.fail(describeFailures(r.failures));
  }, 180_000);
});
