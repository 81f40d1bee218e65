import { describe, expect, it } from 'vitest';
import { runCrash } from './crash/probe.js';
import { describeFailures } from './failures.js';
import { CI_SIZES } from './sizes.js';

// The short pass of the crash test (`npm run torture` runs the full one).
describe('torture: kill -9 under write load (SQLite)', () => {
  it('loses no acknowledged write, keeps the file intact and restarts within a second; backups are whole or absent', async () => {
    const f = await runCrash(CI_SIZES);
    console.log(
      `crash: ${f.trials} kills, ${f.writers} writers, ${f.writesSent} writes sent, ${f.acked} acknowledged, ${f.lost} lost; ` +
        `restart to first answer median ${f.restartMs.median.toFixed(0)} ms, max ${f.restartMs.max.toFixed(0)} ms; ` +
        `backup ${f.backup.backupMs.toFixed(0)} ms (${f.backup.backupRows} rows), ${f.backup.killedDuringBackup} killed mid-way, ` +
        `${f.backup.killedDuringRestore} restores killed; ${f.seconds.toFixed(1)} s`,
    );
    expect(f.acked).toBeGreaterThan(0);
    if (f.failures.length > 0) expect.fail(describeFailures(f.failures));
  }, 180_000);
});
