// PARTNERLOOP_NOW pins the clock of a real process, as the suite does for everything it spawns.
import { expect, it } from 'vitest';
import { clockFrom } from '../../src/app/clock.js';
import { loadConfig } from '../../src/config.js';
import { runCli, tempDataDir } from '../helpers/cli.js';

it('starts a clock at the given instant and lets it run at the real pace', () => {
  let elapsed = 0;
  const clock = clockFrom(new Date('2027-03-31T23:30:00-04:00'), () => elapsed);
  expect(clock().toISOString()).toBe('2027-04-01T03:30:00.000Z');
  elapsed = 1500.7;
  expect(clock().toISOString()).toBe('2027-04-01T03:30:01.500Z');
});

it('reads PARTNERLOOP_NOW only as an instant with an offset, naming it when wrong', () => {
  expect(loadConfig({}, { PARTNERLOOP_NOW: '2026-11-24T10:00:00Z' }).clockStart?.toISOString()).toBe(
    '2026-11-24T10:00:00.000Z',
  );
  expect(loadConfig({}, {}).clockStart).toBeUndefined();
  // Without an offset the instant would depend on the machine's time zone.
  for (const bad of ['2026-11-24T10:00:00', '2026-11-24', 'tomorrow', '2026-13-40T10:00:00Z']) {
    expect(() => loadConfig({}, { PARTNERLOOP_NOW: bad })).toThrow(/PARTNERLOOP_NOW: expected an ISO-8601 instant/);
  }
});

it("gives the CLI that day as today, in the workspace's time zone", async () => {
  const dataDir = tempDataDir();
  const at = { PARTNERLOOP_NOW: '2027-03-31T23:30:00-04:00' };
  const utc = await runCli(['--data-dir', dataDir, 'today', '--json'], at);
  expect(utc.code, utc.stderr).toBe(0);
  expect(JSON.parse(utc.stdout).asOf).toBe('2027-04-01');
  const zone = await runCli(['--data-dir', dataDir, 'profile', 'set', 'time-zone=America/New_York'], at);
  expect(zone.code, zone.stderr).toBe(0);
  const local = await runCli(['--data-dir', dataDir, 'today', '--json'], at);
  expect(JSON.parse(local.stdout).asOf).toBe('2027-03-31');
  const bad = await runCli(['--data-dir', dataDir, 'today'], { PARTNERLOOP_NOW: 'soon' });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('PARTNERLOOP_NOW');
});
