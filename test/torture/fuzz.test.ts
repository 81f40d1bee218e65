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
          `${JSON.stringify(f.statuses)}; tables hashed after ${f.hashed}; ${f.failureCount} failures; no 2xx from ${f.neverOk.join(', ') || 'none'}`,
      );
      expect(f.routes).toBeGreaterThan(50);
      if (f.failures.length > 0) expect.fail(`${f.failureCount} failures:\n${describeFailures(f.failures)}`);
    }, 300_000);
  }
});
