import { defineConfig } from 'vitest/config';
import { PINNED_NOW } from './test/helpers/clock.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every CLI, server and bench process a test spawns inherits this and starts its clock there.
    env: { PARTNERLOOP_NOW: PINNED_NOW },
    // Browser checks poll the page; a loaded two-core machine needs more than the 1 s default.
    expect: { poll: { timeout: 10_000 } },
  },
});
