/**
 * How big each probe runs. `npm test` runs the short pass (CI_SIZES) so the suite stays quick on
 * a two-core machine; `npm run torture` passes FULL_SIZES itself. Sizes are plain arguments, not
 * environment settings, so a test file always runs the same pass.
 */
export interface TortureSizes {
  /** Fuzzer inputs for every route of the OpenAPI document, per database. */
  fuzzInputsPerRoute: number;
  /** The longest hostile string the fuzzer sends, in characters. */
  fuzzHugeChars: number;
  /** kill -9 of a server under write load, then a restart and a check. */
  crashTrials: number;
  /** Concurrent writer clients during the crash trials. */
  crashWriters: number;
  /** kill -9 of `partnerloop backup` (and of `restore`) at a random point. */
  backupKillTrials: number;
  /** Seconds of the mixed load run, per database. */
  loadSeconds: number;
  loadConnections: number;
  /** Seed of every random choice, printed with the figures so a run can be repeated. */
  seed: number;
}

export const CI_SIZES: TortureSizes = {
  fuzzInputsPerRoute: 50,
  fuzzHugeChars: 300_000,
  crashTrials: 5,
  crashWriters: 6,
  backupKillTrials: 3,
  loadSeconds: 3,
  loadConnections: 50,
  seed: 20261124,
};

export const FULL_SIZES: TortureSizes = {
  fuzzInputsPerRoute: 1_000,
  fuzzHugeChars: 3_000_000,
  crashTrials: 100,
  crashWriters: 10,
  backupKillTrials: 20,
  loadSeconds: 60,
  loadConnections: 50,
  seed: 20261124,
};
