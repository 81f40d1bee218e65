import { describe, expect, it } from 'vitest';
import { dialects } from '../helpers/db.js';
import { runLoad } from './load.js';
import { CI_SIZES } from './sizes.js';

// The short pass of the load run (`npm run torture` runs it for 60 s).
describe('torture: 50 connections of mixed reads and writes', () => {
  for (const dialect of dialects) {
    it(`answers every request 2xx [${dialect}]`, async () => {
      const f = await runLoad(dialect, CI_SIZES);
      console.log(
        `load [${dialect}]: ${f.connections} connections × ${f.seconds} s, ${f.requests} requests (${f.reads} reads, ${f.writes} writes), ` +
          `${f.rps.toFixed(0)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, ${f.errors} errors, ${f.non2xx} non-2xx`,
      );
      expect(f.requests).toBeGreaterThan(0);
      expect({ errors: f.errors, non2xx: f.non2xx, refused: f.refused }).toEqual({ errors: 0, non2xx: 0, refused: [] });
    }, 120_000);
  }
});
