import { describe, expect, it } from 'vitest';
import { dialects } from '../helpers/db.js';
import { describeFailures } from './failures.js';
import { runFuzz } from './fuzz/probe.js';
import { CI_SIZES } from './sizes.js';

// The short pass of the OpenAPI fuzzer (`npm run torture` runs the full one).
describe('torture: OpenAPI fuzzer', () => {
  for (const dialect of dialects) {
    it(`answers every route's generated inputs without a 5xx, a leak or a change after a 4xx [${dialect}]`, async () => {
      const f = await runFuzz(dialect, CI_SIZES);
      console.log(
        `fuzz [${dialect}]: ${f.routes} routes × ${f.inputsPerRoute} inputs, ${f.requests} requests in ${f.seconds.toFixed(1)} s; ` +
          `${JSON.stringify(f.statuses)}; hashed after ${f.hashed}; ${f.failureCount} failures`,
      );
      expect(f.routes).toBeGreaterThan(50);
      expect(f.failures, `\n${describeFailures(f.failures)}`).toEqual([]);
    }, 300_000);
  }
});
