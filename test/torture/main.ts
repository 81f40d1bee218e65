// `npm run torture`: every probe at full size, one after another, each printing its figures, then
// every failure found. Exits 1 when any probe failed. `--only fuzz,crash` runs some probes;
// `--inputs N` and `--trials N` shrink the fuzzer and the crash test for a quicker look;
// `--db sqlite` or `--db postgres` runs on one database.
import { parseArgs } from 'node:util';
import { dialects as available } from '../helpers/db.js';
import { runBackupDirections } from './backup-directions.js';
import { RESTART_BUDGET_MS, runCrash } from './crash/probe.js';
import { describeFailures, type FailureGroup } from './failures.js';
import { runFuzz } from './fuzz/probe.js';
import { runLoad } from './load.js';
import { runMigrations } from './migrations/probe.js';
import { FULL_SIZES, type TortureSizes } from './sizes.js';

const PROBES = ['fuzz', 'crash', 'backup', 'migrations', 'load'] as const;
const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    inputs: { type: 'string' },
    trials: { type: 'string' },
    seconds: { type: 'string' },
    seed: { type: 'string' },
    // One database only (of those TEST_DATABASE_URL makes available).
    db: { type: 'string' },
  },
});
const dialects = args.db ? available.filter((d) => d === args.db) : available;
const only = new Set(args.only ? args.only.split(',') : PROBES);
const sizes: TortureSizes = {
  ...FULL_SIZES,
  ...(args.inputs ? { fuzzInputsPerRoute: Number(args.inputs) } : {}),
  ...(args.trials ? { crashTrials: Number(args.trials) } : {}),
  ...(args.seconds ? { loadSeconds: Number(args.seconds) } : {}),
  ...(args.seed ? { seed: Number(args.seed) } : {}),
};
const out = (s: string) => process.stdout.write(`${s}\n`);
const log = (s: string) => process.stderr.write(`${s}\n`);
const found: { probe: string; failures: FailureGroup[] }[] = [];
const started = performance.now();

out(`Torture suite: ${dialects.join(' and ')}; seed ${sizes.seed}`);

if (only.has('fuzz')) {
  // The databases side by side: each fuzzer waits on its answers, so two keep both cores busy.
  log(`▶ fuzz [${dialects.join(', ')}] …`);
  const results = await Promise.all(dialects.map((dialect) => runFuzz(dialect, sizes, log)));
  for (const f of results) {
    out(
      `fuzz [${f.dialect}]: ${f.routes} routes × ${f.inputsPerRoute} inputs = ${f.requests} requests in ${f.seconds.toFixed(0)} s ` +
        `(${(f.requests / f.seconds).toFixed(0)}/s); answers ${JSON.stringify(f.statuses)}; tables hashed after ${f.hashed}; ` +
        `${f.oversizeProbes} oversize bodies; ${f.databases} fresh databases; ${f.serverRestarts} server restarts; ${f.failureCount} failures in ${f.failures.length} groups; ` +
        `routes that never answered 2xx: ${f.neverOk.join(', ') || 'none'}`,
    );
    found.push({ probe: `fuzz [${f.dialect}]`, failures: f.failures });
  }
}

if (only.has('crash')) {
  log('▶ crash (SQLite) …');
  const c = await runCrash(sizes, log);
  out(
    `crash: ${c.trials} kill -9 trials, ${c.writers} writers, ${c.writesSent} writes sent, ${c.acked} acknowledged checked, ` +
      `${c.lost} lost; restart to first answer median ${c.restartMs.median.toFixed(0)} ms, p95 ${c.restartMs.p95.toFixed(0)} ms, ` +
      `max ${c.restartMs.max.toFixed(0)} ms (${c.restartsOverBudget} over ${RESTART_BUDGET_MS} ms); ${c.seconds.toFixed(0)} s`,
  );
  out(
    `crash, backup: one backup ${c.backup.backupMs.toFixed(0)} ms (${c.backup.backupRows} rows); ${c.backup.killedDuringBackup} killed ` +
      `mid-way, ${c.backup.finishedBeforeKill} finished first; ${c.backup.killedDuringRestore} restores killed; ` +
      `restore of the last complete backup ${c.backup.restoreMs.toFixed(0)} ms`,
  );
  const budget: FailureGroup[] =
    c.restartsOverBudget > 0
      ? [
          {
            kind: `restart to first answer over ${RESTART_BUDGET_MS} ms`,
            where: 'crash',
            input: `${c.restartsOverBudget} of ${c.trials} restarts; max ${c.restartMs.max.toFixed(0)} ms`,
            count: c.restartsOverBudget,
          },
        ]
      : [];
  found.push({ probe: 'crash', failures: [...c.failures, ...budget] });
}

if (only.has('backup')) {
  log('▶ backup directions …');
  const b = await runBackupDirections(dialects);
  for (const d of b.directions) {
    out(
      `backup ${d.from} → ${d.to}: ${d.rows} rows, ${d.differences} row differences, ${d.apiDifferences} API differences ` +
        `(backup ${d.backupMs.toFixed(0)} ms, restore ${d.restoreMs.toFixed(0)} ms)`,
    );
  }
  found.push({ probe: 'backup directions', failures: b.failures });
}

if (only.has('migrations')) {
  for (const dialect of dialects) {
    log(`▶ migrations [${dialect}] …`);
    const m = await runMigrations(dialect);
    out(
      `migrations [${dialect}]: ${m.versions} earlier versions populated and migrated, ${m.rowsChecked} rows checked`,
    );
    found.push({ probe: `migrations [${dialect}]`, failures: m.failures });
  }
}

if (only.has('load')) {
  for (const dialect of dialects) {
    log(`▶ load [${dialect}] …`);
    const l = await runLoad(dialect, sizes);
    out(
      `load [${dialect}]: ${l.connections} connections × ${l.seconds} s, ${l.requests} requests (${l.reads} reads, ${l.writes} writes), ` +
        `${l.rps.toFixed(0)} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms, ${l.errors} errors, ${l.non2xx} non-2xx`,
    );
    const failures: FailureGroup[] = l.refused.map((r) => ({
      kind: 'non-2xx under load',
      where: 'load',
      input: r,
      count: 1,
    }));
    if (l.errors > 0)
      failures.push({
        kind: 'errors under load',
        where: 'load',
        input: `${l.errors} errors or timeouts`,
        count: l.errors,
      });
    found.push({ probe: `load [${dialect}]`, failures });
  }
}

const failed = found.filter((f) => f.failures.length > 0);
out(`\nTorture suite finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
for (const f of failed) out(`\n✗ ${f.probe}\n${describeFailures(f.failures, 200)}`);
out(failed.length === 0 ? 'every probe passed' : `${failed.length} of ${found.length} probes failed`);
process.exit(failed.length === 0 ? 0 : 1);
